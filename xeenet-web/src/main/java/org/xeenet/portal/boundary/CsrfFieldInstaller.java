package org.xeenet.portal.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.Iterator;

/**
 * Before each render (full page or Ajax update), puts a {@link CsrfField} into every form of the
 * view that lacks one: no page has to remember it. Registered in faces-config.xml for {@code
 * PreRenderViewEvent}.
 */
public class CsrfFieldInstaller implements SystemEventListener {

  @Override
  public boolean isListenerForSource(Object source) {
    return source instanceof UIViewRoot;
  }

  @Override
  public void processEvent(SystemEvent event) {
    FacesContext context = FacesContext.getCurrentInstance();
    install(context, (UIViewRoot) event.getSource());
  }

  private static void install(FacesContext context, UIComponent component) {
    if (component instanceof UIForm form) {
      boolean present = form.getChildren().stream().anyMatch(c -> c instanceof CsrfField);
      if (!present) {
        UIComponent field = context.getApplication().createComponent(context, CsrfField.TYPE, null);
        field.setId(CsrfField.ID);
        form.getChildren().add(field);
      }
    }
    Iterator<UIComponent> kids = component.getFacetsAndChildren();
    while (kids.hasNext()) {
      UIComponent kid = kids.next();
      if (!(kid instanceof CsrfField)) {
        install(context, kid);
      }
    }
  }
}
