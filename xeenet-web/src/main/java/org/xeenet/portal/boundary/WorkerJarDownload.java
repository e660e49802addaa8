package org.xeenet.portal.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;

/**
 * {@code GET /download/xeenet-worker.jar}: the worker jar (see {@link WorkerJar}); 404 when the
 * server has none. Open to anyone: the jar is the public program volunteers run, and it carries no
 * credentials (a worker registers itself on first start).
 */
@WebServlet(name = "WorkerJarDownload", urlPatterns = "/download/xeenet-worker.jar")
public class WorkerJarDownload extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject WorkerJar jar;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!jar.available()) {
      response.sendError(
          HttpServletResponse.SC_NOT_FOUND,
          "no worker jar on this server: build it with ./xeenet build, or set xeenet.worker.jar");
      return;
    }
    response.setContentType("application/java-archive");
    response.setContentLengthLong(Files.size(jar.path()));
    response.setHeader("Content-Disposition", "attachment; filename=\"xeenet-worker.jar\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    Files.copy(jar.path(), response.getOutputStream());
  }
}
