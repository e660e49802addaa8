package org.xeenet.portal.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import jakarta.faces.render.Renderer;
import jakarta.faces.render.RendererWrapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xeenet.portal.control.CsrfTokens;

/**
 * Writes the CSRF token field ({@link CsrfFilter}) into every form the portal renders, full page or
 * Ajax update, stateless views included, without any page having to remember it: the form renderer
 * of each render kit is wrapped so that it writes the hidden field just before the form's end. The
 * component tree and the view state are not touched. Registered in faces-config.xml.
 */
public class CsrfRenderKitFactory extends RenderKitFactory {
  static final String FORM_FAMILY = "jakarta.faces.Form";
  private final Map<String, RenderKit> kits = new ConcurrentHashMap<>();

  public CsrfRenderKitFactory(RenderKitFactory wrapped) {
    super(wrapped);
  }

  @Override
  public void addRenderKit(String renderKitId, RenderKit renderKit) {
    getWrapped().addRenderKit(renderKitId, renderKit);
  }

  @Override
  public Iterator<String> getRenderKitIds() {
    return getWrapped().getRenderKitIds();
  }

  @Override
  public RenderKit getRenderKit(FacesContext context, String renderKitId) {
    RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
    if (kit == null) {
      return null;
    }
    RenderKit wrapped = kits.get(renderKitId);
    if (wrapped == null || ((CsrfRenderKit) wrapped).getWrapped() != kit) {
      wrapped = new CsrfRenderKit(kit);
      kits.put(renderKitId, wrapped);
    }
    return wrapped;
  }

  /** A render kit whose form renderer also writes the CSRF field. */
  static final class CsrfRenderKit extends RenderKitWrapper {
    CsrfRenderKit(RenderKit wrapped) {
      super(wrapped);
    }

    @Override
    public Renderer<?> getRenderer(String family, String rendererType) {
      Renderer<?> renderer = getWrapped().getRenderer(family, rendererType);
      return FORM_FAMILY.equals(family) && renderer != null
          ? new CsrfFormRenderer(renderer)
          : renderer;
    }
  }

  /** The form renderer, plus the hidden CSRF token field before the form's end tag. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class CsrfFormRenderer extends RendererWrapper {
    CsrfFormRenderer(Renderer wrapped) {
      super(wrapped);
    }

    @Override
    public void encodeEnd(FacesContext context, jakarta.faces.component.UIComponent component)
        throws IOException {
      Object token = context.getExternalContext().getRequestMap().get(CsrfFilter.ATTRIBUTE);
      if (token != null) {
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("input", null);
        writer.writeAttribute("type", "hidden", null);
        writer.writeAttribute("name", CsrfTokens.FIELD, null);
        writer.writeAttribute("value", token.toString(), null);
        writer.writeAttribute("autocomplete", "off", null);
        writer.endElement("input");
      }
      super.encodeEnd(context, component);
    }
  }
}
