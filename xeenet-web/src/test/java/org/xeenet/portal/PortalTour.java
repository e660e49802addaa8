package org.xeenet.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The researcher and volunteer pages in the browser, on a signed-in session: the brief wizard (an
 * inline error, the estimate, launch; the assistant's brief accepted), a campaign with results
 * (charts drawn, parallel coordinates present, the task table sorted, filtered and paged), a task
 * page, the printable report (printed to PDF), the campaign list's filter, the workers and the
 * leaderboard. With a screenshot directory it saves the main pages as PNGs under 200 KB.
 */
final class PortalTour {
  static final long MAX_PNG_BYTES = 200_000;

  private final WebDriver driver;
  private final String base;
  private final WebDriverWait wait;
  private final Path screenshots;

  PortalTour(WebDriver driver, String base, Path screenshots) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    this.wait.ignoring(StaleElementReferenceException.class);
    this.screenshots = screenshots;
  }

  /** The wizard, step by step; answers the new campaign's id. */
  String wizard(String title) {
    driver.get(base + "/brief.xhtml");
    type(By.id("brief:title"), title);
    type(By.id("brief:description"), "Does depth or width matter more on 30-second budgets?");
    next();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief:searchMethod")));
    // an override that is not JSON: the row says so and the wizard stays on this step
    WebElement nLayer = override("n_layer");
    nLayer.clear();
    nLayer.sendKeys("[1, 2");
    next();
    wait.until(
        d ->
            !d.findElements(By.cssSelector(".row-error")).isEmpty()
                && d.findElement(By.cssSelector(".row-error")).getText().contains("list"));
    nLayer = override("n_layer");
    nLayer.clear();
    nLayer.sendKeys("[1, 2]");
    WebElement nEmbd = override("n_embd");
    nEmbd.clear();
    nEmbd.sendKeys("[32, 64]");
    shot("wizard-search");
    next();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief:numTasks")));
    type(By.id("brief:numTasks"), "0");
    next();
    // the orchestrator's rule, next to the field, on the same step
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("brief:numTasksMessage"), "between 1 and"));
    type(By.id("brief:numTasks"), "4");
    type(By.id("brief:timeBudget"), "30");
    next();
    WebElement credits =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief:estimateCredits")));
    assertThat(credits.getText()).matches("[0-9]+\\.[0-9]{2}");
    assertThat(driver.findElement(By.id("brief:eta")).getText()).contains("online");
    assertThat(driver.findElement(By.id("brief:runs")).getText()).isEqualTo("4");
    shot("wizard-estimate");
    driver.findElement(By.id("brief:submit")).click();
    wait.until(ExpectedConditions.urlContains("/campaign.xhtml?id="));
    assertThat(
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign:title")))
                .getText())
        .isEqualTo(title);
    return driver.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
  }

  /** The assistant proposes a brief for a question; accepted, it fills the wizard. */
  void assistantBrief() {
    driver.get(base + "/brief.xhtml");
    type(
        By.id("brief:question"),
        "I want to know whether depth or width matters more on 2-minute budgets");
    driver.findElement(By.id("brief:ask")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("brief:useProposal"))).click();
    wait.until(d -> !d.findElement(By.id("brief:title")).getAttribute("value").isBlank());
    next();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief:searchMethod")));
    assertThat(override("n_layer").getAttribute("value")).isNotBlank();
  }

  /** A campaign with results: header, every chart, the task table. */
  void campaign(String campaignId, int results) {
    driver.get(base + "/campaign.xhtml?id=" + campaignId);
    WebElement charts =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".xn-charts")));
    wait.until(d -> "true".equals(charts.getAttribute("data-drawn")));
    assertThat(Integer.parseInt(charts.getAttribute("data-count"))).isEqualTo(results);
    WebElement parallel = driver.findElement(By.id("parallel"));
    assertThat(Integer.parseInt(parallel.getAttribute("data-lines"))).isEqualTo(results);
    assertThat(driver.findElements(By.cssSelector("[data-chart=scatters] canvas"))).isNotEmpty();
    assertThat(Integer.parseInt(driver.findElement(By.id("curves")).getAttribute("data-curves")))
        .isPositive();
    assertThat(Integer.parseInt(driver.findElement(By.id("importance")).getAttribute("data-bars")))
        .isPositive();
    assertThat(driver.findElement(By.id("campaign:cost")).getText()).isNotBlank();
    assertThat(driver.findElement(By.id("campaign:eta")).getText()).isNotBlank();
    // the parallel coordinates are painted: some pixels are not blank
    Object painted =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var c=document.getElementById('parallel'),d=c.getContext('2d')"
                    + ".getImageData(0,0,c.width,c.height).data,n=0;"
                    + "for(var i=3;i<d.length;i+=4){if(d[i]>0)n++;}return n;");
    assertThat(((Number) painted).longValue()).isGreaterThan(1000);
    shot("campaign");
    scrollTo(By.id("parallel"));
    shot("campaign-charts");
  }

  /** The task table: sorted by val_bpb (best first), filtered to valid tasks, page 2. */
  void taskTable(int valid) {
    scrollTo(By.id("campaign:tasks"));
    click(By.cssSelector("[id='campaign:tasks'] th[aria-label*='val_bpb']"));
    wait.until(d -> "ascending".equals(sortOf(d)));
    // the poll re-renders the table every few seconds: read it again until it holds still
    List<Double> bpbs =
        wait.until(
            d -> {
              List<Double> values = column("bpb");
              List<Double> sorted = values.stream().sorted().toList();
              return !values.isEmpty() && values.equals(sorted) ? values : null;
            });
    assertThat(bpbs).isSortedAccordingTo(Double::compare);
    selectStatus("VALID");
    wait.until(
        d ->
            d.findElements(By.cssSelector("[id='campaign:tasks_data'] .status-badge")).stream()
                .allMatch(e -> e.getText().equals("VALID")));
    wait.until(
        d ->
            d.findElement(By.cssSelector("[id='campaign:tasks'] .ui-paginator-current"))
                .getText()
                .endsWith("of " + valid));
    shot("campaign-tasks");
  }

  /** The first task of the table opens its page: config, attempts, outcome, curve. */
  void taskPage() {
    click(By.cssSelector("[id='campaign:tasks_data'] a.task-link"));
    wait.until(ExpectedConditions.urlContains("/task.xhtml"));
    WebElement outcome =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcomeText")));
    assertThat(outcome.getText()).startsWith("Valid");
    assertThat(driver.findElements(By.cssSelector("#config tr"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("[id='history_data'] tr"))).hasSize(1);
    assertThat(driver.findElement(By.id("worker")).getText()).isNotBlank();
    assertThat(driver.findElements(By.cssSelector("[id='curve'] canvas"))).isNotEmpty();
    shot("task");
  }

  /** The printable report: its sections, its charts, and a PDF when printed. */
  void report(String campaignId, String title) {
    driver.get(base + "/report.xhtml?id=" + campaignId);
    WebElement heading =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reportTitle")));
    assertThat(heading.getText()).contains(title);
    assertThat(driver.findElement(By.id("best")).getText()).contains("val_bpb");
    assertThat(driver.findElements(By.cssSelector("#caveats li"))).isNotEmpty();
    WebElement charts = driver.findElement(By.cssSelector(".xn-charts"));
    wait.until(d -> "true".equals(charts.getAttribute("data-drawn")));
    assertThat(Integer.parseInt(driver.findElement(By.id("parallel")).getAttribute("data-lines")))
        .isPositive();
    shot("report");
    PrintOptions options = new PrintOptions();
    options.setBackground(true);
    Pdf pdf = ((PrintsPage) driver).print(options);
    byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(bytes.length).isGreaterThan(10_000);
  }

  /** The campaign list: cost and ETA columns, the title filter. */
  void list(String title) {
    driver.get(base + "/index.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:campaigns")));
    type(By.id("list:filterText"), title);
    wait.until(
        d ->
            d.findElements(By.cssSelector("[id='list:campaigns_data'] a.campaign-link")).stream()
                .allMatch(e -> e.getText().equals(title)));
    WebElement filter = driver.findElement(By.id("list:filterText"));
    filter.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
    filter.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    wait.until(
        d ->
            d.findElements(By.cssSelector("[id='list:campaigns_data'] a.campaign-link")).size()
                > 1);
    shot("campaigns");
  }

  /** Workers with their device, tasks and credits; the leaderboard; the download command. */
  void volunteer(int workers) {
    driver.get(base + "/workers.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("workers:table")));
    assertThat(driver.findElements(By.cssSelector("[id='workers:table_data'] tr")))
        .hasSizeGreaterThanOrEqualTo(workers);
    assertThat(driver.findElement(By.id("command")).getText())
        .startsWith("java -jar xeenet-worker.jar run --server http");
    shot("workers");
    driver.get(base + "/leaderboard.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("byCredits")));
    assertThat(driver.findElements(By.cssSelector("[id='byCredits_data'] tr")))
        .hasSizeGreaterThanOrEqualTo(workers);
    assertThat(driver.findElement(By.cssSelector("[id='byCredits_data'] tr")).getText())
        .startsWith("1");
    shot("leaderboard");
  }

  private String sortOf(WebDriver d) {
    return d.findElement(By.cssSelector("[id='campaign:tasks'] th[aria-label*='val_bpb']"))
        .getAttribute("aria-sort");
  }

  private List<Double> column(String styleClass) {
    return driver.findElements(By.cssSelector("[id='campaign:tasks_data'] ." + styleClass)).stream()
        .map(WebElement::getText)
        .filter(t -> !t.isBlank())
        .map(Double::valueOf)
        .toList();
  }

  private void selectStatus(String status) {
    click(By.id("campaign:statusFilter"));
    click(
        By.cssSelector(
            "[id='campaign:statusFilter_items'] li[data-label='"
                + status.toLowerCase(java.util.Locale.ROOT)
                + "']"));
  }

  private WebElement override(String parameter) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("input.override[title='" + parameter + "']")));
  }

  /** Clicks, again if the poll re-rendered the element meanwhile. */
  private void click(By element) {
    wait.until(
        d -> {
          d.findElement(element).click();
          return true;
        });
  }

  private void next() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-wizard-nav-next")))
        .click();
  }

  private void type(By field, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
    input.clear();
    input.sendKeys(text);
  }

  private void scrollTo(By element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView(true);", driver.findElement(element));
  }

  /** A PNG of the viewport, scaled down until it is under 200 KB. */
  void shot(String name) {
    if (screenshots == null) {
      return;
    }
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      double scale = 1.0;
      while (png.length > MAX_PNG_BYTES && scale > 0.4) {
        scale -= 0.1;
        png = scaled(image, scale);
      }
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] scaled(BufferedImage image, double scale) throws IOException {
    int w = (int) (image.getWidth() * scale);
    int h = (int) (image.getHeight() * scale);
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(small, "png", out);
    return out.toByteArray();
  }

  /**
   * By hand: {@code PortalTour URL TOKEN CAMPAIGN_ID RESULTS WORKERS [SCREENSHOT_DIR]} runs the
   * tour against a running server with a campaign made by {@link PortalData#main}.
   */
  public static void main(String[] args) {
    WebDriver driver = PortalBrowserChecks.startChromium();
    try {
      new PortalBrowserChecks.Browser(driver, args[0]).logIn(args[1]);
      PortalTour tour = new PortalTour(driver, args[0], args.length > 5 ? Path.of(args[5]) : null);
      int results = Integer.parseInt(args[3]);
      tour.campaign(args[2], results);
      tour.taskTable(results);
      tour.taskPage();
      tour.report(args[2], "Tiny Shakespeare");
      tour.volunteer(Integer.parseInt(args[4]));
      String title = "Browser wizard " + System.nanoTime();
      tour.wizard(title);
      tour.assistantBrief();
      tour.list(title);
      System.out.println("tour passed");
    } catch (RuntimeException | AssertionError e) {
      new PortalTour(driver, args[0], Path.of("/tmp/pages-dev/fail")).shot("failure");
      throw e;
    } finally {
      driver.quit();
    }
  }
}
