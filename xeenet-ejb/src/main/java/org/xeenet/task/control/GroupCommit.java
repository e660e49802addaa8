package org.xeenet.task.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: callers hand in one piece of work each and wait; a single writer thread takes
 * everything that queued up while the previous group was committing (at most {@code maxGroup}) and
 * writes it in one transaction, so many requests share one log flush. A caller learns its outcome
 * only after the group's transaction committed.
 *
 * <p>When a whole group fails (a deadlock, a constraint, a bug in one item), each of its items is
 * written again in a group of its own, so one bad item does not fail the others.
 *
 * @param <T> one item of work
 * @param <R> its outcome
 */
public final class GroupCommit<T, R> {
  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  private record Pending<T, R>(T item, CompletableFuture<R> outcome) {}

  private final LinkedBlockingQueue<Pending<T, R>> pending = new LinkedBlockingQueue<>();
  private final Function<List<T>, List<R>> writer;
  private final int maxGroup;
  private final String name;
  private volatile boolean running = true;
  private long groups;
  private long items;

  /**
   * @param writer writes a group in one transaction and answers one outcome per item, in order;
   *     throws when the transaction failed (nothing of the group was written)
   */
  public GroupCommit(String name, int maxGroup, Function<List<T>, List<R>> writer) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("maxGroup must be at least 1");
    }
    this.name = name;
    this.maxGroup = maxGroup;
    this.writer = writer;
  }

  /** Queues the item; the future completes once its group committed (or failed). */
  public CompletableFuture<R> submit(T item) {
    CompletableFuture<R> outcome = new CompletableFuture<>();
    if (!running) {
      outcome.completeExceptionally(new IllegalStateException(name + " is stopped"));
      return outcome;
    }
    pending.add(new Pending<>(item, outcome));
    return outcome;
  }

  /** The writer thread's loop; returns once {@link #stop()} was called and the queue is empty. */
  public void run() {
    List<Pending<T, R>> group = new ArrayList<>(maxGroup);
    while (running || !pending.isEmpty()) {
      try {
        Pending<T, R> first = pending.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        pending.drainTo(group, maxGroup - 1);
        write(group);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException | Error e) {
        LOG.log(Level.SEVERE, name + ": group write failed unexpectedly", e);
        group.forEach(p -> p.outcome().completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
    Pending<T, R> left;
    while ((left = pending.poll()) != null) {
      left.outcome().completeExceptionally(new IllegalStateException(name + " is stopped"));
    }
  }

  private void write(List<Pending<T, R>> group) {
    List<T> work = new ArrayList<>(group.size());
    group.forEach(p -> work.add(p.item()));
    try {
      List<R> outcomes = writer.apply(work);
      for (int i = 0; i < group.size(); i++) {
        group.get(i).outcome().complete(outcomes.get(i));
      }
      groups++;
      items += group.size();
      return;
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).outcome().completeExceptionally(e);
        return;
      }
      LOG.log(Level.FINE, name + ": group of " + group.size() + " failed; one by one", e);
    }
    for (Pending<T, R> one : group) {
      try {
        one.outcome().complete(writer.apply(List.of(one.item())).get(0));
      } catch (RuntimeException e) {
        one.outcome().completeExceptionally(e);
      }
    }
  }

  public void stop() {
    running = false;
  }

  /** Mean items per committed group so far (for the log and the benchmark's notes). */
  public double meanGroupSize() {
    return groups == 0 ? 0 : (double) items / groups;
  }
}
