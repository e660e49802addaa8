package org.xeenet.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xeenet.api.ApiClient;
import org.xeenet.api.CampaignView;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.TaskResult;
import org.xeenet.api.WorkerCredentials;

/**
 * Accounts and security against the WAR Maven built on Payara Micro, in Debian's headless Chromium
 * and over plain HTTP: sign-up and sign-in, API tokens created and revoked in the portal, a worker
 * paired by a volunteer's one-time code earning credits the volunteer sees, campaign ownership and
 * sharing (portal and REST), escaping of user text, CSRF refusals, lockout, and that no route
 * answers without credentials.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {
  private static final String SPACE =
      "{\"n_layer\":1,\"n_embd\":32,\"n_head\":2,\"block_size\":32,\"batch_size\":8}";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "xeenet.war")
        .importFrom(new File(System.getProperty("xeenet.war")))
        .as(WebArchive.class);
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private String admin() throws IOException {
    return Files.readString(
            Path.of(System.getProperty("xeenet.it.data.dir")).resolve("admin-token"),
            StandardCharsets.UTF_8)
        .strip();
  }

  private String root() {
    String url = base.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Every route of the OpenAPI document answers 401 without credentials but worker sign-up. */
  @Test
  void noApiRouteAnswersWithoutCredentials() throws Exception {
    HttpResponse<String> openapi =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve("/openapi"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(openapi.statusCode()).isEqualTo(200);
    JsonObject paths =
        ApiClient.JSON.fromJson(openapi.body(), JsonObject.class).getJsonObject("paths");
    List<String> open = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
      for (String method : path.getValue().asJsonObject().keySet()) {
        String verb = method.toUpperCase(java.util.Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
          continue;
        }
        String route = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        int api = route.indexOf("/api/v1/");
        String url = root() + (api >= 0 ? route.substring(api) : "/api/v1" + route);
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(
            verb,
            verb.equals("GET") || verb.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}"));
        int status = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        checked++;
        if (status != 401) {
          String key = path.getKey();
          key = key.contains("/api/v1") ? key.substring(key.indexOf("/api/v1") + 7) : key;
          open.add(verb + " " + key + " -> " + status);
        }
      }
    }
    assertThat(checked).as("routes in the OpenAPI document").isGreaterThan(20);
    // the only route open to anyone: a new worker registers itself (rate-limited per address)
    assertThat(open).allMatch(o -> o.startsWith("POST /workers ->"), "only worker sign-up is open");
    assertThat(open).hasSize(1);
  }

  /** Every portal page of the WAR redirects to sign-in without a session, but the public ones. */
  @Test
  void noPortalPageOpensWithoutSigningIn() throws Exception {
    List<String> pages;
    try (ZipFile war = new ZipFile(System.getProperty("xeenet.war"))) {
      pages =
          war.stream()
              .map(e -> e.getName())
              .filter(n -> n.endsWith(".xhtml") && !n.startsWith("WEB-INF/"))
              .filter(n -> !n.startsWith("resources/") && !n.startsWith("META-INF/"))
              .collect(Collectors.toList());
    }
    assertThat(pages).contains("index.xhtml", "tokens.xhtml", "pairing.xhtml", "signup.xhtml");
    for (String page : pages) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(root() + "/" + page + "?id=x")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (List.of("login.xhtml", "signup.xhtml", "expired.xhtml").contains(page)) {
        assertThat(response.statusCode()).as(page).isEqualTo(200);
      } else {
        assertThat(response.statusCode()).as(page).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse(""))
            .as(page)
            .endsWith("/login.xhtml");
      }
    }
  }

  @Test
  void accountsTokensPairingOwnershipAndEscapingInTheBrowser() throws Exception {
    ApiClient api = new ApiClient(base.toURI());
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    AccountsBrowser browser = new AccountsBrowser(root());
    try {
      // a researcher signs up, signs out, is refused a wrong password, signs in again
      String alice = "alice-" + suffix;
      String alicePassword = "a long walk on the beach";
      browser.signUp(alice, "Alice <i>" + suffix + "</i>", alicePassword, false);
      assertThat(browser.barName()).isEqualTo("Alice <i>" + suffix + "</i>");
      assertThat(browser.barRole()).isEqualTo("researcher");
      browser.signOut();
      assertThat(browser.signInRefused(alice, "not the password at all")).contains("Wrong");
      browser.signIn(alice, alicePassword);
      assertThat(browser.currentPath()).endsWith("/index.xhtml");

      // an API token made in the portal works on the REST API until it is revoked
      String token = browser.createToken("laptop script");
      assertThat(token).startsWith("xnt_");
      HttpResponse<String> me = api.get("me", token);
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(me.body()).contains("\"role\":\"researcher\"", suffix);
      HttpResponse<String> created =
          api.post(
              "briefs",
              token,
              "{\"title\":\"<script>window.xnXss=1</script><img src=x onerror=window.xnXss=2>"
                  + suffix
                  + "\",\"num_tasks\":1,\"time_budget_per_task\":30,\"seed\":3,"
                  + "\"search_space\":"
                  + SPACE
                  + "}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      CampaignView campaign = ApiClient.read(created, CampaignView.class);
      browser.revokeToken("laptop script");
      assertThat(api.get("me", token).statusCode()).isEqualTo(401);
      assertThat(api.get("campaigns", token).statusCode()).isEqualTo(401);
      // the portal's token list never shows a token, only its first characters
      assertThat(browser.pageSource()).doesNotContain(token).contains(token.substring(0, 10));

      // user text is shown as text, never run: list and campaign page
      browser.noScriptRanOn("/index.xhtml", "<script>window.xnXss=1</script>");
      browser.noScriptRanOn(
          "/campaign.xhtml?id=" + campaign.campaignId(), "<script>window.xnXss=1</script>");

      // CSRF: the token form refuses posts without the form's token or from another origin
      browser.csrfIsRefused(http);

      // another researcher cannot open alice's campaign, in the portal or on the REST API...
      String bob = "bob-" + suffix;
      HttpResponse<String> opened =
          api.post(
              "researchers",
              admin(),
              Map.of("name", "Bob", "username", bob, "password", "bob builds big models"));
      assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
      String bobToken = (String) ApiClient.read(opened, Map.class).get("token");
      assertThat(api.get("campaigns/" + campaign.campaignId(), bobToken).statusCode())
          .isEqualTo(404);
      assertThat(
              api.post("campaigns/" + campaign.campaignId() + "/cancel", bobToken, "{}")
                  .statusCode())
          .isEqualTo(404);
      assertThat(api.get("campaigns/" + campaign.campaignId() + "/report", bobToken).statusCode())
          .isEqualTo(404);
      assertThat(api.get("campaigns", bobToken).body()).doesNotContain(campaign.campaignId());
      browser.signOut();
      browser.signIn(bob, "bob builds big models");
      browser.campaignIsHidden(campaign.campaignId());
      // ...until alice shares it with bob by user name on its sharing page
      browser.signOut();
      browser.signIn(alice, alicePassword);
      browser.share(campaign.campaignId(), bob);
      assertThat(api.get("campaigns/" + campaign.campaignId(), bobToken).statusCode())
          .isEqualTo(200);
      assertThat(api.get("campaigns/" + campaign.campaignId() + "/shares", bobToken).body())
          .contains(bob);
      // bob may steer it now, but not share it on; an unknown user name is refused
      assertThat(
              api.post(
                      "campaigns/" + campaign.campaignId() + "/shares",
                      bobToken,
                      Map.of("username", alice))
                  .statusCode())
          .isEqualTo(403);
      String aliceToken = browser.createToken("sharing script");
      assertThat(
              api.post(
                      "campaigns/" + campaign.campaignId() + "/shares",
                      aliceToken,
                      Map.of("username", "nobody-" + suffix))
                  .statusCode())
          .isEqualTo(400);

      // a volunteer pairs a worker with a one-time code; its credits show on the volunteer's page
      browser.signOut();
      String vera = "vera-" + suffix;
      browser.signUp(vera, null, "my machine helps science", true);
      assertThat(browser.barRole()).isEqualTo("volunteer");
      assertThat(browser.currentPath()).endsWith("/pairing.xhtml");
      browser.redirectedHomeFrom("/index.xhtml", "/pairing.xhtml");
      String code = browser.pairingCode();
      assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
      WorkerCredentials worker = api.registerWorker("vera-laptop-" + suffix);
      HttpResponse<String> paired =
          api.post(
              "workers/" + worker.workerId() + "/pair",
              worker.token(),
              Map.of("code", code.toLowerCase(java.util.Locale.ROOT)));
      assertThat(paired.statusCode()).as(paired.body()).isEqualTo(200);
      assertThat(paired.body()).contains(vera);
      // one worker per code; other workers' tokens cannot pair for someone else
      WorkerCredentials other = api.registerWorker("other-" + suffix);
      assertThat(
              api.post("workers/" + other.workerId() + "/pair", other.token(), Map.of("code", code))
                  .statusCode())
          .isEqualTo(410);
      assertThat(
              api.post(
                      "workers/" + worker.workerId() + "/pair", other.token(), Map.of("code", code))
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              api.post(
                      "workers/" + other.workerId() + "/pair",
                      other.token(),
                      Map.of("code", "ABCD-EFGH"))
                  .statusCode())
          .isEqualTo(404);
      // the paired worker does alice's task; the volunteer sees the credits
      LeaseGrant lease = leaseOf(api, worker, campaign.campaignId());
      HttpResponse<String> result =
          api.post("leases/" + lease.leaseId() + "/result", worker.token(), result(lease));
      assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
      assertThat(result.body()).contains("VALID");
      browser.pairedWorkerShown("vera-laptop-" + suffix);
      String veraToken = browser.createToken("monitoring");
      HttpResponse<String> volunteerMe = api.get("me", veraToken);
      assertThat(volunteerMe.statusCode()).as(volunteerMe.body()).isEqualTo(200);
      Map<?, ?> account = ApiClient.read(volunteerMe, Map.class);
      assertThat(account.get("role")).isEqualTo("volunteer");
      assertThat(((Number) account.get("credits_earned")).doubleValue()).isPositive();
      assertThat(volunteerMe.body()).contains("vera-laptop-" + suffix);
      // a volunteer's token opens no researcher route
      assertThat(api.get("campaigns", veraToken).statusCode()).isEqualTo(403);
      assertThat(api.post("briefs", veraToken, "{}").statusCode()).isEqualTo(403);

      // five wrong passwords lock the account, even against the right one
      browser.signOut();
      for (int i = 0; i < 5; i++) {
        browser.signInRefused(vera, "wrong password " + i);
      }
      assertThat(browser.signInRefused(vera, "my machine helps science")).contains("locked");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("accounts-failure");
      throw e;
    } finally {
      browser.quit();
    }
  }

  private static LeaseGrant leaseOf(ApiClient api, WorkerCredentials worker, String campaignId) {
    for (int i = 0; i < 60; i++) {
      HttpResponse<String> response =
          api.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
      if (response.statusCode() == 200) {
        LeaseGrant grant = ApiClient.read(response, LeaseGrant.class);
        if (grant.task().campaignId().equals(campaignId)) {
          return grant;
        }
        api.post(
            "leases/" + grant.leaseId() + "/result",
            worker.token(),
            new TaskResult(
                grant.task().taskId(),
                null,
                null,
                null,
                1.0,
                "cpu",
                TaskResult.FAILED,
                "not this test's task",
                false,
                null,
                null));
      } else {
        sleep(1000);
      }
    }
    throw new AssertionError("the worker was never offered campaign " + campaignId);
  }

  private static TaskResult result(LeaseGrant lease) {
    List<CurvePoint> curve = new ArrayList<>();
    long steps = 100_000;
    for (int i = 0; i <= 4; i++) {
      curve.add(new CurvePoint(steps * i / 4, 5.0 * i, 4.1 - 0.5 * i, i == 4 ? 2.6 : null));
    }
    return new TaskResult(
        lease.task().taskId(),
        2.6,
        2.1,
        steps,
        20.0,
        "cpu",
        TaskResult.COMPLETED,
        null,
        false,
        25_600_000L,
        curve);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
