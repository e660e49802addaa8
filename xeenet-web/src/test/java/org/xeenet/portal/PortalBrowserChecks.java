package org.xeenet.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the researcher portal of a running server in headless Chromium (Debian's {@code
 * /usr/bin/chromium} and {@code /usr/bin/chromedriver}, given explicitly: Selenium Manager is never
 * used). Not a test of its own yet (no *Test or *IT name): the integration tests call {@link
 * #run(String, String)} against the server they started; by hand, run the JUnit method with {@code
 * -Dxeenet.portal.url=http://127.0.0.1:8181 -Dxeenet.portal.token=...}, or {@link #main(String[])}.
 * With {@code -Dxeenet.portal.screenshots=DIR} it saves a screenshot per step.
 *
 * <p>What it checks: a wrong token is refused with a message; the admin logs in; a brief of 2 tasks
 * × 30 s creates a campaign whose page shows its status and 2 rows in the task table; the campaign
 * list shows it; on its page the assistant answers a question (with details behind "more") and the
 * Markdown report opens; a bad brief (0 tasks) shows an error next to the field and creates
 * nothing.
 */
public class PortalBrowserChecks {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Duration WAIT = Duration.ofSeconds(60);
  static final List<String> CAMPAIGN_STATUSES =
      List.of("EXPANDING", "RUNNING", "PAUSED", "COMPLETED", "CANCELLED", "FAILED");

  /** Runs every check against the server at {@code baseUrl} (e.g. {@code http://host:8080}). */
  public static void run(String baseUrl, String adminToken) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    WebDriver driver = startChromium();
    Browser browser = new Browser(driver, base);
    try {
      browser.badTokenIsRefused();
      browser.logIn(adminToken);
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String title = "Browser check " + suffix;
      browser.createsCampaign(title);
      browser.listShows(title);
      browser.lifecycle(title);
      browser.assistantAndReport(title);
      browser.badBriefIsRefused("Bad brief " + suffix);
      browser.badSearchSpaceIsRefused("Bad search space " + suffix);
      browser.unknownCampaign();
      browser.logOut();
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("failure");
      throw e;
    } finally {
      driver.quit();
    }
  }

  /** Headless Debian Chromium through the Debian chromedriver, both by explicit path. */
  public static WebDriver startChromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** The checks, step by step, on one browser session. */
  static final class Browser {
    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private final Path screenshots;
    private int shot;

    Browser(WebDriver driver, String base) {
      this.driver = driver;
      this.base = base;
      this.wait = new WebDriverWait(driver, WAIT);
      this.wait.ignoring(StaleElementReferenceException.class);
      String dir = System.getProperty("xeenet.portal.screenshots");
      this.screenshots = dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    void badTokenIsRefused() {
      driver.get(base + "/index.xhtml");
      wait.until(ExpectedConditions.urlContains("/login.xhtml"));
      type(By.id("login:token"), "not-a-token-" + UUID.randomUUID());
      driver.findElement(By.id("login:submit")).click();
      WebElement message =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:tokenMessage")));
      assertThat(message.getText()).containsIgnoringCase("token");
      assertThat(driver.getCurrentUrl()).contains("/login.xhtml");
      assertThat(driver.findElements(By.id("bar:logout")))
          .as("signed in after a bad token")
          .isEmpty();
      screenshot("bad-token");
    }

    void logIn(String token) {
      driver.get(base + "/login.xhtml");
      type(By.id("login:token"), token);
      driver.findElement(By.id("login:submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:campaigns")));
      assertThat(driver.getCurrentUrl()).contains("/index.xhtml");
      assertThat(driver.findElement(By.id("bar:researcher")).getText()).isNotBlank();
      screenshot("list");
    }

    void createsCampaign(String title) {
      driver.findElement(By.id("newBrief")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("brief:title")));
      type(By.id("brief:title"), title);
      type(By.id("brief:description"), "Two short tasks, created by the browser checks.");
      next();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief:searchMethod")));
      next();
      type(By.id("brief:numTasks"), "2");
      type(By.id("brief:timeBudget"), "30");
      screenshot("brief");
      next();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("brief:submit"))).click();
      wait.until(ExpectedConditions.urlContains("/campaign.xhtml?id="));
      WebElement status =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign:status")));
      assertThat(status.getText()).isIn(CAMPAIGN_STATUSES);
      assertThat(driver.findElement(By.id("campaign:title")).getText()).isEqualTo(title);
      // the tasks appear once the expansion job has run; the page polls until then
      wait.until(d -> taskRows().size() == 2);
      assertThat(taskRows()).hasSize(2);
      screenshot("campaign");
    }

    private void next() {
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-wizard-nav-next")))
          .click();
    }

    void listShows(String title) {
      driver.findElement(By.id("back")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:campaigns")));
      wait.until(d -> campaignTitles().contains(title));
      screenshot("list-with-campaign");
    }

    void badBriefIsRefused(String title) {
      driver.get(base + "/brief.xhtml");
      type(By.id("brief:title"), title);
      next();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief:searchMethod")));
      next();
      type(By.id("brief:numTasks"), "0");
      type(By.id("brief:timeBudget"), "30");
      next();
      assertThat(messageOf("brief:numTasksMessage", "between 1 and")).isNotBlank();
      assertThat(driver.findElements(By.id("brief:submit"))).isEmpty();
      screenshot("bad-brief");
      driver.get(base + "/index.xhtml");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:campaigns")));
      assertThat(campaignTitles()).doesNotContain(title);
    }

    /** Pause, resume and cancel the campaign from its page; each button as its status allows. */
    void lifecycle(String title) {
      driver.findElement(By.linkText(title)).click();
      waitForStatus("RUNNING");
      driver.findElement(By.id("campaign:pause")).click();
      waitForStatus("PAUSED");
      assertThat(driver.findElements(By.id("campaign:pause"))).isEmpty();
      driver.findElement(By.id("campaign:resume")).click();
      waitForStatus("RUNNING");
      driver.findElement(By.id("campaign:cancel")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
          .click();
      waitForStatus("CANCELLED");
      assertThat(driver.findElements(By.id("campaign:cancel"))).isEmpty();
      assertThat(driver.findElements(By.id("campaign:resume"))).isEmpty();
      wait.until(d -> taskRows().size() == 2);
      screenshot("cancelled");
    }

    /** On the campaign page: the assistant answers, "more" shows details, the report opens. */
    void assistantAndReport(String title) {
      assertThat(driver.findElement(By.id("campaign:results")).getText()).contains("Results");
      type(By.id("campaign:question"), "How far is it?");
      driver.findElement(By.id("campaign:ask")).click();
      WebElement answer =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.id("campaign:assistantAnswer")));
      assertThat(answer.getText()).contains("cancelled", "tasks finished");
      driver.findElement(By.id("campaign:assistantMore")).click();
      WebElement details =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.id("campaign:assistantDetails")));
      assertThat(details.getText()).contains("tasks by status");
      screenshot("assistant");
      String report = driver.findElement(By.id("campaign:reportMd")).getAttribute("href");
      assertThat(driver.findElement(By.id("campaign:reportCsv")).getAttribute("href"))
          .contains("format=csv");
      String campaignUrl = driver.getCurrentUrl();
      driver.get(report);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
      assertThat(driver.findElement(By.tagName("body")).getText())
          .contains("# Campaign report: " + title, "## What was run", "## Caveats");
      screenshot("report");
      driver.get(campaignUrl);
      waitForStatus("CANCELLED");
    }

    void badSearchSpaceIsRefused(String title) {
      int before = campaignCount();
      driver.get(base + "/brief.xhtml");
      type(By.id("brief:title"), title);
      next();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief:searchMethod")));
      driver.findElement(By.cssSelector("details.defaults summary")).click();
      type(By.id("brief:searchSpace"), "{\"n_layer\": [2, 3");
      next();
      assertThat(messageOf("brief:searchSpaceMessage", "not valid JSON")).isNotBlank();
      // well-formed JSON the orchestrator refuses: its message lands on the same field
      if (!driver.findElement(By.id("brief:searchSpace")).isDisplayed()) {
        driver.findElement(By.cssSelector("details.defaults summary")).click();
      }
      type(By.id("brief:searchSpace"), "{\"n_layers\": 2}");
      next();
      assertThat(messageOf("brief:searchSpaceMessage", "n_layers")).contains("unknown");
      screenshot("bad-search-space");
      assertThat(campaignCount()).isEqualTo(before);
    }

    void unknownCampaign() {
      driver.get(base + "/campaign.xhtml?id=no-such-campaign");
      WebElement panel =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notFound")));
      assertThat(panel.getText()).contains("No such campaign");
    }

    private void waitForStatus(String status) {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("campaign:status"), status));
    }

    /** The text of a Faces message once it contains {@code expected}. */
    private String messageOf(String id, String expected) {
      // the form is re-rendered by Ajax: look the message up again until it says so
      return wait.until(
          d -> {
            String text = d.findElement(By.id(id)).getText();
            return text.contains(expected) ? text : null;
          });
    }

    private int campaignCount() {
      driver.get(base + "/index.xhtml");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:campaigns")));
      return driver.findElements(By.cssSelector("[id='list:campaigns_data'] > tr[data-ri]")).size();
    }

    void logOut() {
      driver.findElement(By.id("bar:logout")).click();
      wait.until(ExpectedConditions.urlContains("/login.xhtml"));
      driver.get(base + "/index.xhtml");
      wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    private List<WebElement> taskRows() {
      return driver.findElements(By.cssSelector("[id='campaign:tasks_data'] > tr[data-ri]"));
    }

    private List<String> campaignTitles() {
      return driver
          .findElements(By.cssSelector("[id='list:campaigns_data'] > tr[data-ri] a.campaign-link"))
          .stream()
          .map(WebElement::getText)
          .toList();
    }

    private void type(By field, String text) {
      WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
      input.clear();
      input.sendKeys(text);
    }

    private void screenshot(String name) {
      if (screenshots == null) {
        return;
      }
      try {
        Files.createDirectories(screenshots);
        byte[] png =
            ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shot, name)), png);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
