package org.xeenet.economics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One leg of a {@link LedgerTransaction}: millicredits on an account. Never changed. */
@Entity
@Table(name = "XN_LEDGER_POSTING")
public class Posting {
  @Id
  @Column(name = "ID", updatable = false)
  private String id;

  @Column(name = "TXN_ID", updatable = false)
  private String transactionId;

  @Column(name = "ACCOUNT", updatable = false)
  private String account;

  @Column(name = "AMOUNT", updatable = false)
  private long amount;

  protected Posting() {}

  public Posting(String transactionId, String account, long amount) {
    this.id = UUID.randomUUID().toString();
    this.transactionId = transactionId;
    this.account = account;
    this.amount = amount;
  }

  public String transactionId() {
    return transactionId;
  }

  public String account() {
    return account;
  }

  public long amount() {
    return amount;
  }
}
