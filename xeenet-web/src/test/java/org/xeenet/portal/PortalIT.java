package org.xeenet.portal;

import java.io.File;
import java.net.URI;
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
import org.openqa.selenium.WebDriver;
import org.xeenet.api.ApiClient;

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

  /**
   * A campaign with realistic results from six named workers: the campaign page's charts (parallel
   * coordinates included) and task table, a task page, the printable report, the workers and the
   * leaderboard, the wizard with its estimate and the assistant's brief. With {@code
   * -Dxeenet.portal.tour.screenshots=DIR} the main pages are saved there as PNGs.
   */
  @Test
  void theResearcherAndVolunteerPagesShowACampaign() throws Exception {
    String admin =
        Files.readString(
                Path.of(System.getProperty("xeenet.it.data.dir")).resolve("admin-token"),
                StandardCharsets.UTF_8)
            .strip();
    String url = base.toString().replaceAll("/$", "");
    PortalData data = new PortalData(new ApiClient(URI.create(url + "/"))).workers(6);
    String campaign =
        data.campaign(admin, "Tiny Shakespeare: depth, width and learning rate", 60, 120, "random");
    data.results(45);
    int valid =
        ApiClient.read(
                new ApiClient(URI.create(url + "/")).get("campaigns/" + campaign, admin),
                org.xeenet.api.CampaignView.class)
            .taskCounts()
            .getOrDefault("VALID", 0L)
            .intValue();
    // the wizard's estimate over REST: 200 for a good brief, 400 with field errors, 401 without
    ApiClient api = new ApiClient(URI.create(url + "/"));
    java.net.http.HttpResponse<String> estimate =
        api.post(
            "briefs/estimate",
            admin,
            "{\"title\":\"estimate\",\"num_tasks\":10,\"time_budget_per_task\":60,"
                + "\"replication\":2}");
    org.assertj.core.api.Assertions.assertThat(estimate.statusCode())
        .as(estimate.body())
        .isEqualTo(200);
    org.xeenet.api.BriefEstimate e = ApiClient.read(estimate, org.xeenet.api.BriefEstimate.class);
    org.assertj.core.api.Assertions.assertThat(e.taskRuns()).isEqualTo(20);
    org.assertj.core.api.Assertions.assertThat(e.estimateCredits()).isPositive();
    org.assertj.core.api.Assertions.assertThat(e.etaSeconds()).isPositive();
    java.net.http.HttpResponse<String> bad =
        api.post("briefs/estimate", admin, "{\"title\":\"\",\"num_tasks\":0}");
    org.assertj.core.api.Assertions.assertThat(bad.statusCode()).isEqualTo(400);
    org.assertj.core.api.Assertions.assertThat(bad.body()).contains("num_tasks");
    org.assertj.core.api.Assertions.assertThat(
            api.post("briefs/estimate", null, "{\"title\":\"x\"}").statusCode())
        .isEqualTo(401);
    String dir = System.getProperty("xeenet.portal.tour.screenshots");
    WebDriver driver = PortalBrowserChecks.startChromium();
    try {
      new PortalBrowserChecks.Browser(driver, url).logIn(admin);
      PortalTour tour =
          new PortalTour(driver, url, dir == null || dir.isBlank() ? null : Path.of(dir));
      tour.campaign(campaign, valid);
      tour.taskTable(valid);
      tour.taskPage();
      tour.report(campaign, "Tiny Shakespeare");
      tour.volunteer(6);
      String title = "Wizard " + java.util.UUID.randomUUID().toString().substring(0, 8);
      tour.wizard(title);
      tour.assistantBrief();
      tour.list(title);
    } finally {
      driver.quit();
    }
  }
}
