package org.xeenet.portal;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser steps other packages' benchmarks need: Chromium, sign-in, the charts drawn. */
public final class PortalChecks {
  private PortalChecks() {}

  public static WebDriver chromium() {
    return PortalBrowserChecks.startChromium();
  }

  /** Signs in through the portal's login page. */
  public static void logIn(WebDriver driver, String base, String token) {
    new PortalBrowserChecks.Browser(driver, base).logIn(token);
  }

  /** Waits until the page's charts are drawn from {@code results} valid results. */
  public static void awaitCharts(WebDriver driver, int results) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    wait.until(
        d -> {
          WebElement charts = d.findElement(By.cssSelector(".xn-charts"));
          return "true".equals(charts.getAttribute("data-drawn"))
              && Integer.toString(results).equals(charts.getAttribute("data-count"));
        });
  }
}
