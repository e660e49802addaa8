package org.xeenet.worker.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.xeenet.api.ResourceProfile;

/** A registered volunteer machine. */
@Entity
@Table(name = "XN_WORKER")
@NamedQuery(name = Worker.BY_TOKEN, query = "SELECT w FROM Worker w WHERE w.tokenSha256 = :sha")
public class Worker {
  public static final String BY_TOKEN = "Worker.byToken";

  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "NAME")
  private String name;

  @Column(name = "TOKEN_SHA256")
  private String tokenSha256;

  @Column(name = "CPU_CORES")
  private Integer cpuCores;

  @Column(name = "RAM_GB")
  private Double ramGb;

  @Column(name = "GPU_NAME")
  private String gpuName;

  @Column(name = "GPU_VRAM_GB")
  private Double gpuVramGb;

  @Column(name = "OS")
  private String os;

  @Column(name = "ARCH")
  private String arch;

  @Column(name = "BENCHMARK_TOKENS_PER_S")
  private Double benchmarkTokensPerS;

  @Column(name = "CAPABILITY_JSON")
  private String capabilityJson;

  @Column(name = "CODE_PACKAGES")
  private String codePackages;

  @Column(name = "REGISTERED_AT")
  private Instant registeredAt;

  @Column(name = "LAST_SEEN_AT")
  private Instant lastSeenAt;

  @Column(name = "VOLUNTEER_ID")
  private String volunteerId;

  protected Worker() {}

  public Worker(
      String name,
      String tokenSha256,
      ResourceProfile profile,
      String capabilityJson,
      List<String> codePackages,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.tokenSha256 = tokenSha256;
    if (profile != null) {
      this.cpuCores = profile.cpuCores();
      this.ramGb = profile.ramGb();
      this.gpuName = profile.gpuName();
      this.gpuVramGb = profile.gpuVramGb();
      this.os = profile.os();
      this.arch = profile.arch();
      this.benchmarkTokensPerS = profile.benchmarkTokensPerS();
    }
    this.capabilityJson = capabilityJson;
    this.codePackages =
        codePackages == null || codePackages.isEmpty() ? null : String.join(",", codePackages);
    this.registeredAt = now;
    this.lastSeenAt = now;
  }

  /** Records that the worker called; writes at most once a minute. */
  public void seen(Instant now) {
    if (lastSeenAt == null || Duration.between(lastSeenAt, now).toSeconds() >= 60) {
      lastSeenAt = now;
    }
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ResourceProfile profile() {
    return new ResourceProfile(cpuCores, ramGb, gpuName, gpuVramGb, os, arch, benchmarkTokensPerS);
  }

  /** The code packages this worker declared it can run; it is offered no other tasks. */
  public List<String> codePackages() {
    return codePackages == null ? List.of() : List.of(codePackages.split(","));
  }

  /** The training capability as registered (JSON), or null. */
  public String capabilityJson() {
    return capabilityJson;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  /** The volunteer account this worker is paired with, or null. */
  public String volunteerId() {
    return volunteerId;
  }

  public void pairWith(String volunteerId) {
    this.volunteerId = volunteerId;
  }
}
