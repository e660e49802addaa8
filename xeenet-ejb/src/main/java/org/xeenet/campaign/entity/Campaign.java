package org.xeenet.campaign.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.xeenet.task.control.HardwareRequirement;

/** A research campaign: one brief, many tasks. */
@Entity
@Table(name = "XN_CAMPAIGN")
public class Campaign {
  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "OWNER_ID")
  private String ownerId;

  @Column(name = "TITLE")
  private String title;

  @Column(name = "DESCRIPTION")
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS")
  private CampaignStatus status;

  @Column(name = "TEMPLATE")
  private String template;

  @Column(name = "DATASET_NAME")
  private String datasetName;

  @Column(name = "SEARCH")
  private String search;

  @Column(name = "NUM_TASKS")
  private int numTasks;

  @Column(name = "TIME_BUDGET")
  private int timeBudget;

  @Column(name = "CAMPAIGN_SEED")
  private long campaignSeed;

  @Column(name = "PRIORITY")
  private int priority;

  @Column(name = "MIN_CPU_CORES")
  private Integer minCpuCores;

  @Column(name = "MIN_RAM_GB")
  private Double minRamGb;

  @Column(name = "NEEDS_GPU")
  private boolean needsGpu;

  @Column(name = "MIN_GPU_VRAM_GB")
  private Double minGpuVramGb;

  @Lob
  @Column(name = "BRIEF_JSON")
  private String briefJson;

  @Column(name = "EXPANSION_JOB_ID")
  private Long expansionJobId;

  @Column(name = "STATUS_DETAIL")
  private String statusDetail;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "FINISHED_AT")
  private Instant finishedAt;

  protected Campaign() {}

  public Campaign(
      String ownerId,
      String title,
      String description,
      String template,
      String datasetName,
      String search,
      int numTasks,
      int timeBudget,
      long campaignSeed,
      int priority,
      HardwareRequirement hardware,
      String briefJson,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.ownerId = ownerId;
    this.title = title;
    this.description = description;
    this.status = CampaignStatus.EXPANDING;
    this.statusDetail = "expanding the brief into tasks";
    this.template = template;
    this.datasetName = datasetName;
    this.search = search;
    this.numTasks = numTasks;
    this.timeBudget = timeBudget;
    this.campaignSeed = campaignSeed;
    this.priority = priority;
    this.minCpuCores = hardware.minCpuCores();
    this.minRamGb = hardware.minRamGb();
    this.needsGpu = hardware.needsGpu();
    this.minGpuVramGb = hardware.minGpuVramGb();
    this.briefJson = briefJson;
    this.createdAt = now;
  }

  public void expansionStarted(long jobId) {
    this.expansionJobId = jobId;
  }

  /** The batch job queued every task: the campaign's tasks may be leased. */
  public void expanded() {
    if (status == CampaignStatus.EXPANDING) {
      status = CampaignStatus.RUNNING;
      statusDetail = null;
    }
  }

  public void expansionFailed(String reason, Instant now) {
    if (status == CampaignStatus.EXPANDING) {
      status = CampaignStatus.FAILED;
      statusDetail = "expansion failed: " + reason;
      finishedAt = now;
    }
  }

  public void pause() {
    requireNotFinal("pause");
    if (status == CampaignStatus.RUNNING) {
      status = CampaignStatus.PAUSED;
    }
  }

  public void resume() {
    requireNotFinal("resume");
    if (status == CampaignStatus.PAUSED) {
      status = CampaignStatus.RUNNING;
    }
  }

  public void cancel(Instant now) {
    if (status == CampaignStatus.COMPLETED || status == CampaignStatus.FAILED) {
      throw new IllegalStateException("the campaign has already ended as " + status);
    }
    if (status != CampaignStatus.CANCELLED) {
      status = CampaignStatus.CANCELLED;
      finishedAt = now;
    }
  }

  public void complete(Instant now) {
    if (status == CampaignStatus.RUNNING || status == CampaignStatus.PAUSED) {
      status = CampaignStatus.COMPLETED;
      statusDetail = null;
      finishedAt = now;
    }
  }

  private void requireNotFinal(String action) {
    if (status.isFinal()) {
      throw new IllegalStateException("cannot " + action + " a campaign that is " + status);
    }
  }

  public String id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public CampaignStatus status() {
    return status;
  }

  public String statusDetail() {
    return statusDetail;
  }

  public String template() {
    return template;
  }

  public String datasetName() {
    return datasetName;
  }

  public String search() {
    return search;
  }

  public int numTasks() {
    return numTasks;
  }

  public int timeBudget() {
    return timeBudget;
  }

  public long campaignSeed() {
    return campaignSeed;
  }

  public int priority() {
    return priority;
  }

  public HardwareRequirement hardware() {
    return new HardwareRequirement(minCpuCores, minRamGb, needsGpu, minGpuVramGb);
  }

  public String briefJson() {
    return briefJson;
  }

  public Long expansionJobId() {
    return expansionJobId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
