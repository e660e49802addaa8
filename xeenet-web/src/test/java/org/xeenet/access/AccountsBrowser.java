package org.xeenet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xeenet.portal.PortalBrowserChecks;

/** The account pages driven in Debian's headless Chromium, step by step. */
final class AccountsBrowser {
  private final String base;
  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path screenshots;

  AccountsBrowser(String base) {
    this.base = base;
    this.driver = PortalBrowserChecks.startChromium();
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    this.wait.ignoring(StaleElementReferenceException.class);
    String dir = System.getProperty("xeenet.portal.screenshots");
    this.screenshots = dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  void signUp(String username, String displayName, String password, boolean volunteer) {
    driver.get(base + "/signup.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signup:submit")));
    driver
        .findElement(By.cssSelector("label[for='signup:role:" + (volunteer ? 1 : 0) + "']"))
        .click();
    type(By.id("signup:username"), username);
    if (displayName != null) {
      type(By.id("signup:displayName"), displayName);
    }
    type(By.id("signup:password"), password);
    screenshot("signup");
    driver.findElement(By.id("signup:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bar:logout")));
  }

  void signIn(String username, String password) {
    driver.get(base + "/login.xhtml");
    type(By.id("signin:username"), username);
    type(By.id("signin:password"), password);
    driver.findElement(By.id("signin:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bar:logout")));
  }

  /** A refused sign-in's message. */
  String signInRefused(String username, String password) {
    driver.get(base + "/login.xhtml");
    type(By.id("signin:username"), username);
    type(By.id("signin:password"), password);
    driver.findElement(By.id("signin:submit")).click();
    WebElement message =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:passwordMessage")));
    assertThat(driver.findElements(By.id("bar:logout"))).as("signed in").isEmpty();
    return message.getText();
  }

  void signOut() {
    driver.findElement(By.id("bar:logout")).click();
    wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    driver.get(base + "/tokens.xhtml");
    wait.until(ExpectedConditions.urlContains("/login.xhtml"));
  }

  String barName() {
    return driver.findElement(By.id("bar:researcher")).getText();
  }

  String barRole() {
    return driver.findElement(By.id("bar:role")).getText();
  }

  String currentPath() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  String pageSource() {
    return driver.getPageSource();
  }

  /** Creates an API token on the token page; answers it as shown this once. */
  String createToken(String label) {
    driver.get(base + "/tokens.xhtml");
    type(By.id("tokens:label"), label);
    driver.findElement(By.id("tokens:create")).click();
    WebElement shown =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tokens:newToken")));
    screenshot("token-created");
    String token = shown.getText().strip();
    assertThat(tokenRow(label)).isNotNull();
    return token;
  }

  void revokeToken(String label) {
    driver.get(base + "/tokens.xhtml");
    tokenRow(label).findElement(By.cssSelector("button.revoke")).click();
    wait.until(d -> tokenRow(label).getText().contains("revoked"));
    screenshot("token-revoked");
  }

  /** Shares a campaign on its sharing page, reached from the campaign page. */
  void share(String campaignId, String username) {
    driver.get(base + "/campaign.xhtml?id=" + campaignId);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("shareLink"))).click();
    wait.until(ExpectedConditions.urlContains("/share.xhtml"));
    type(By.id("share:username"), username);
    driver.findElement(By.id("share:add")).click();
    wait.until(
        d ->
            d.findElements(By.cssSelector(".share-username")).stream()
                .anyMatch(e -> e.getText().equals(username)));
    screenshot("shared");
  }

  private WebElement tokenRow(String label) {
    return wait.until(
        d ->
            d.findElements(By.cssSelector("[id='tokens:list_data'] > tr")).stream()
                .filter(
                    r ->
                        r.findElements(By.cssSelector(".token-label")).stream()
                            .anyMatch(l -> l.getText().equals(label)))
                .findFirst()
                .orElse(null));
  }

  /** The page shows {@code text} literally and ran none of it. */
  void noScriptRanOn(String path, String text) {
    driver.get(base + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bar:logout")));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    Object marker = ((JavascriptExecutor) driver).executeScript("return window.xnXss;");
    assertThat(marker).as("script from a brief's title ran on " + path).isNull();
    screenshot("escaped");
  }

  /** Posts the token form from outside the page: without its CSRF token, or cross-origin. */
  void csrfIsRefused(HttpClient http) throws IOException, InterruptedException {
    driver.get(base + "/tokens.xhtml");
    String viewState =
        driver
            .findElement(By.cssSelector("form#tokens input[name='jakarta.faces.ViewState']"))
            .getAttribute("value");
    String csrf =
        driver
            .findElement(By.cssSelector("form#tokens input[name='xn_csrf']"))
            .getAttribute("value");
    assertThat(driver.findElements(By.cssSelector("form#bar input[name='xn_csrf']")))
        .as("every form carries the token")
        .hasSize(1);
    String cookies =
        driver.manage().getCookies().stream()
            .map(Cookie::toString)
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    assertThat(cookies).contains("XN-CSRF=", "JSESSIONID=");
    Map<String, String> without =
        Map.of(
            "tokens", "tokens",
            "tokens:label", "forged",
            "tokens:create", "",
            "jakarta.faces.ViewState", viewState);
    assertThat(post(http, cookies, base, AccountsIT.form(without))).isEqualTo(403);
    Map<String, String> withToken = new java.util.HashMap<>(without);
    withToken.put("xn_csrf", csrf);
    assertThat(post(http, cookies, "http://evil.example", AccountsIT.form(withToken)))
        .isEqualTo(403);
    Map<String, String> wrong = new java.util.HashMap<>(withToken);
    wrong.put("xn_csrf", csrf.substring(1) + "A");
    assertThat(post(http, cookies, base, AccountsIT.form(wrong))).isEqualTo(403);
    driver.get(base + "/tokens.xhtml");
    assertThat(driver.getPageSource()).doesNotContain("forged");
    // the same post from this site's page, with its token, goes through
    assertThat(post(http, cookies, base, AccountsIT.form(withToken))).isEqualTo(200);
    driver.get(base + "/tokens.xhtml");
    assertThat(tokenRow("forged")).isNotNull();
  }

  private int post(HttpClient http, String cookies, String origin, String body)
      throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/tokens.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  void campaignIsHidden(String campaignId) {
    driver.get(base + "/campaign.xhtml?id=" + campaignId);
    WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notFound")));
    assertThat(panel.getText()).contains("No such campaign");
    driver.get(base + "/index.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:campaigns")));
    assertThat(driver.getPageSource()).doesNotContain(campaignId);
    screenshot("foreign-campaign");
  }

  void redirectedHomeFrom(String path, String home) {
    driver.get(base + path);
    wait.until(ExpectedConditions.urlContains(home));
  }

  String pairingCode() {
    driver.get(base + "/pairing.xhtml");
    driver.findElement(By.id("pairing:newCode")).click();
    WebElement code =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pairing:code")));
    assertThat(driver.findElement(By.id("pairing:command")).getText())
        .contains("pair " + code.getText(), "--server " + base);
    screenshot("pairing-code");
    return code.getText();
  }

  void pairedWorkerShown(String name) {
    driver.get(base + "/pairing.xhtml");
    List<String> names =
        driver.findElements(By.cssSelector(".worker-name")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(names).contains(name);
    assertThat(driver.findElement(By.id("pairing:credits")).getText()).isNotEqualTo("0");
    screenshot("paired");
  }

  private void type(By field, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
    input.clear();
    input.sendKeys(text);
  }

  void screenshot(String name) {
    if (screenshots == null) {
      return;
    }
    try {
      Files.createDirectories(screenshots);
      Files.write(
          screenshots.resolve(name + ".png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void quit() {
    driver.quit();
  }
}
