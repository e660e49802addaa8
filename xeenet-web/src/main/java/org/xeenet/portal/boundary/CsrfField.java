package org.xeenet.portal.boundary;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.xeenet.portal.control.CsrfTokens;

/**
 * The hidden CSRF token field {@link CsrfFieldInstaller} adds to every form (never saved in the
 * view state: it is added again on each render).
 */
@FacesComponent(CsrfField.TYPE)
public class CsrfField extends UIComponentBase {
  static final String TYPE = "org.xeenet.portal.CsrfField";
  static final String ID = "xnCsrf";

  public CsrfField() {
    setTransient(true);
    setRendererType(null);
  }

  @Override
  public String getFamily() {
    return "org.xeenet.portal";
  }

  @Override
  public void encodeBegin(FacesContext context) throws IOException {
    Object token = context.getExternalContext().getRequestMap().get(CsrfFilter.ATTRIBUTE);
    if (token == null) {
      return;
    }
    ResponseWriter writer = context.getResponseWriter();
    writer.startElement("input", this);
    writer.writeAttribute("type", "hidden", null);
    writer.writeAttribute("name", CsrfTokens.FIELD, null);
    writer.writeAttribute("value", token.toString(), null);
    writer.endElement("input");
  }
}
