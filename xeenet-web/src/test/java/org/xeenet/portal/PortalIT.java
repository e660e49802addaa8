package org.xeenet.portal;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal in Debian's headless Chromium against the WAR Maven built on Payara Micro: login, a
 * brief, the campaign page and its lifecycle buttons, validation messages, logout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "xeenet.war")
        .importFrom(new File(System.getProperty("xeenet.war")))
        .as(WebArchive.class);
  }

  @Test
  void aResearcherRunsACampaignThroughThePortal() throws Exception {
    String admin =
        Files.readString(
                Path.of(System.getProperty("xeenet.it.data.dir")).resolve("admin-token"),
                StandardCharsets.UTF_8)
            .strip();
    PortalBrowserChecks.run(base.toString(), admin);
  }
}
