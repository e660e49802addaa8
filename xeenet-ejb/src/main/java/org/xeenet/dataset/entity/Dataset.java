package org.xeenet.dataset.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dataset file known to the server, addressed by name (briefs) and hash (workers). */
@Entity
@Table(name = "XN_DATASET")
@NamedQuery(name = Dataset.BY_SHA, query = "SELECT d FROM Dataset d WHERE d.sha256 = :sha")
public class Dataset {
  public static final String BY_SHA = "Dataset.bySha";

  @Id
  @Column(name = "NAME")
  private String name;

  @Column(name = "SHA256")
  private String sha256;

  @Column(name = "SIZE_BYTES")
  private long sizeBytes;

  @Column(name = "FILE_PATH")
  private String filePath;

  @Column(name = "ADDED_AT")
  private Instant addedAt;

  protected Dataset() {}

  public Dataset(String name, String sha256, long sizeBytes, String filePath, Instant addedAt) {
    this.name = name;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.filePath = filePath;
    this.addedAt = addedAt;
  }

  public void relocate(String sha256, long sizeBytes, String filePath) {
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.filePath = filePath;
  }

  public String name() {
    return name;
  }

  public String sha256() {
    return sha256;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String filePath() {
    return filePath;
  }
}
