package org.xeenet.api;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.xeenet.portal.PortalChecks;

/**
 * {@code ./xeenet bench portal [--tasks 10000] [--results 2000] [--workers 8] [--requests 20]}:
 * starts a real server on embedded Derby in a temporary directory, makes a campaign of {@code
 * tasks} tasks, has {@code workers} simulated volunteers send {@code results} plausible results
 * over the API (so the page has charts to draw and a table to sort), signs in through the portal in
 * headless Chromium, then times the campaign page as the server serves it: the page's GET, the
 * chart data the page fetches, a poll (the Ajax update of the live parts), and the task table
 * sorted by val_bpb at its last page. Times are request to last byte on 127.0.0.1 (no network), so
 * they are the server's time; the last line is one JSON object.
 */
public final class PortalBenchmark {
  private static final String ADMIN = "portal-benchmark-admin-token";

  private PortalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "10000"));
    int results = Integer.parseInt(options.getOrDefault("results", "2000"));
    int workers = Integer.parseInt(options.getOrDefault("workers", "8"));
    int requests = Integer.parseInt(options.getOrDefault("requests", "20"));
    String url = options.get("url");
    ServerProcess server = null;
    String admin = options.getOrDefault("token", ADMIN);
    if (url == null) {
      Path data = Files.createTempDirectory("xeenet-bench-portal");
      server =
          ServerProcess.start(
              ServerProcess.freePort(),
              data,
              Map.of(
                  "XEENET_ADMIN_TOKEN",
                  ADMIN,
                  "XEENET_SERVER_JAVA_OPTS",
                  "-Xmx2g -Dxeenet.economics.starting-credits=1e15"));
      url = server.base().toString();
    }
    try {
      run(
          url.endsWith("/") ? url : url + "/",
          admin,
          tasks,
          results,
          workers,
          requests,
          options.get("campaign"));
    } finally {
      if (server != null) {
        server.stop();
      }
    }
  }

  private static void run(
      String url, String admin, int tasks, int results, int workers, int requests, String existing)
      throws Exception {
    ApiClient api = new ApiClient(URI.create(url));
    String campaign = existing;
    if (campaign == null) {
      org.xeenet.portal.PortalData data = new org.xeenet.portal.PortalData(api).workers(workers);
      long t0 = System.nanoTime();
      campaign = data.campaign(admin, "Portal benchmark: tiny Shakespeare", tasks, 120, "random");
      System.out.printf(Locale.ROOT, "queued %d tasks in %.1f s%n", tasks, secondsSince(t0));
      t0 = System.nanoTime();
      int accepted = data.results(results);
      System.out.printf(Locale.ROOT, "%d results in %.1f s%n", accepted, secondsSince(t0));
    }
    CampaignView view = ApiClient.read(api.get("campaigns/" + campaign, admin), CampaignView.class);
    long valid = view.taskCounts().getOrDefault("VALID", 0L);

    String base = url.substring(0, url.length() - 1);
    String session;
    WebDriver driver = PortalChecks.chromium();
    try {
      PortalChecks.logIn(driver, base, admin);
      driver.get(base + "/campaign.xhtml?id=" + campaign);
      Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
      session = cookie.getValue();
      // the browser drew the charts from the same data: it is the page a researcher sees
      PortalChecks.awaitCharts(driver, (int) valid);
    } finally {
      driver.quit();
    }
    CookieManager cookies = new CookieManager();
    HttpCookie jsession = new HttpCookie("JSESSIONID", session);
    jsession.setPath("/");
    jsession.setVersion(0);
    cookies.getCookieStore().add(URI.create(base), jsession);
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    // references on the same machine at the same moment: the API's own view of the campaign,
    // and the cheapest authenticated call (what the machine's load alone costs a request)
    Timed detail = timedApi(url + "api/v1/campaigns/" + campaign, admin, requests);
    Timed me = timedApi(url + "api/v1/me", admin, requests);
    Timed page = timed(http, base + "/campaign.xhtml?id=" + campaign, requests);
    Timed chart = timed(http, base + "/portal/chart-data?id=" + campaign, requests);
    if (!page.body.contains(view.title()) || !chart.body.startsWith("{")) {
      throw new IllegalStateException("not signed in: " + page.body.substring(0, 200));
    }
    String viewState =
        page.body.replaceAll(
            "(?s).*name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\".*", "$1");
    Timed poll =
        timedPost(
            http,
            base + "/campaign.xhtml?id=" + campaign,
            "jakarta.faces.partial.ajax=true&jakarta.faces.source=campaign%3Apoll"
                + "&jakarta.faces.partial.execute=campaign%3Apoll"
                + "&jakarta.faces.partial.render=campaign%3Aheader+campaign%3Aactions+campaign%3Amessages+campaign%3Atasks"
                + "&campaign%3Apoll=campaign%3Apoll&campaign=campaign&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(viewState, java.nio.charset.StandardCharsets.UTF_8),
            requests);
    int last = (view.numTasks() - 1) / 25 * 25;
    Timed table =
        timedPost(
            http,
            base + "/campaign.xhtml?id=" + campaign,
            "jakarta.faces.partial.ajax=true&jakarta.faces.source=campaign%3Atasks"
                + "&jakarta.faces.partial.execute=campaign%3Atasks"
                + "&jakarta.faces.partial.render=campaign%3Atasks&campaign%3Atasks=campaign%3Atasks"
                + "&campaign%3Atasks_pagination=true&campaign%3Atasks_first="
                + last
                + "&campaign%3Atasks_rows=25&campaign%3Atasks_skipChildren=true"
                + "&campaign%3Atasks_encodeFeature=true"
                + "&campaign=campaign&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(viewState, java.nio.charset.StandardCharsets.UTF_8),
            requests);
    if (!poll.body.contains("partial-response") || !table.body.contains("partial-response")) {
      throw new IllegalStateException(
          "Ajax refused: " + poll.body.substring(0, Math.min(300, poll.body.length())));
    }
    System.out.printf(
        Locale.ROOT,
        "campaign page GET: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d KB)%n"
            + "chart data GET:    p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d KB, %d rows)%n"
            + "live poll (Ajax):  p50 %.0f ms, p95 %.0f ms, max %.0f ms%n"
            + "table last page:   p50 %.0f ms, p95 %.0f ms, max %.0f ms%n"
            + "reference: GET /api/v1/campaigns/{id} p50 %.0f ms, GET /api/v1/me p50 %.0f ms%n",
        page.p(50),
        page.p(95),
        page.max(),
        page.body.length() / 1024,
        chart.p(50),
        chart.p(95),
        chart.max(),
        chart.body.length() / 1024,
        valid,
        poll.p(50),
        poll.p(95),
        poll.max(),
        table.p(50),
        table.p(95),
        table.max(),
        detail.p(50),
        me.p(50));
    System.out.printf(
        Locale.ROOT,
        "{\"tasks\":%d,\"valid_results\":%d,\"requests\":%d,\"page_p50_ms\":%.0f,"
            + "\"page_p95_ms\":%.0f,\"page_max_ms\":%.0f,\"page_kb\":%d,\"chart_p50_ms\":%.0f,"
            + "\"chart_p95_ms\":%.0f,\"chart_kb\":%d,\"poll_p50_ms\":%.0f,\"poll_p95_ms\":%.0f,"
            + "\"table_p50_ms\":%.0f,\"table_p95_ms\":%.0f,\"api_detail_p50_ms\":%.0f,"
            + "\"api_me_p50_ms\":%.0f}%n",
        tasks,
        valid,
        requests,
        page.p(50),
        page.p(95),
        page.max(),
        page.body.length() / 1024,
        chart.p(50),
        chart.p(95),
        chart.body.length() / 1024,
        poll.p(50),
        poll.p(95),
        table.p(50),
        table.p(95),
        detail.p(50),
        me.p(50));
  }

  /** Latencies of one request repeated, after two warm-ups; the last body. */
  private record Timed(List<Double> millis, String body) {
    double p(int percentile) {
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    double max() {
      return Collections.max(millis);
    }
  }

  private static Timed timed(HttpClient http, String url, int n) throws Exception {
    return repeat(http, HttpRequest.newBuilder(URI.create(url)).GET(), n);
  }

  private static Timed timedApi(String url, String token, int n) throws Exception {
    return repeat(
        HttpClient.newHttpClient(),
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET(),
        n);
  }

  private static Timed timedPost(HttpClient http, String url, String form, int n) throws Exception {
    return repeat(
        http,
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header("Faces-Request", "partial/ajax")
            .POST(HttpRequest.BodyPublishers.ofString(form)),
        n);
  }

  private static Timed repeat(HttpClient http, HttpRequest.Builder request, int n)
      throws Exception {
    List<Double> millis = new ArrayList<>();
    String body = "";
    for (int i = 0; i < n + 2; i++) {
      long t = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      double ms = (System.nanoTime() - t) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
      }
      body = response.body();
      if (i >= 2) {
        millis.add(ms);
      }
    }
    return new Timed(millis, body);
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
