package org.xeenet.task.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  @Test
  void itemsThatQueuedWhileAGroupWasWrittenGoInTheNextGroupTogether() throws Exception {
    List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstGroupStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            "test",
            100,
            items -> {
              groupSizes.add(items.size());
              firstGroupStarted.countDown();
              await(release);
              return items.stream().map(i -> i * 2).toList();
            });
    Thread writer = new Thread(commit::run);
    writer.start();
    CompletableFuture<Integer> first = commit.submit(1);
    assertThat(firstGroupStarted.await(5, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<Integer>> rest = new ArrayList<>();
    for (int i = 2; i <= 10; i++) {
      rest.add(commit.submit(i));
    }
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    for (int i = 0; i < rest.size(); i++) {
      assertThat(rest.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 2) * 2);
    }
    commit.stop();
    writer.join(5000);
    assertThat(groupSizes).containsExactly(1, 9);
    assertThat(commit.meanGroupSize()).isEqualTo(5.0);
  }

  @Test
  void aFailedGroupIsWrittenAgainOneByOneSoOnlyTheBadItemFails() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    GroupCommit<Integer, String> commit =
        new GroupCommit<>(
            "test",
            100,
            items -> {
              await(hold);
              if (items.contains(13)) {
                throw new IllegalStateException("13 refused");
              }
              return items.stream().map(i -> "ok " + i).toList();
            });
    List<CompletableFuture<String>> outcomes = new ArrayList<>();
    for (int i = 12; i <= 14; i++) {
      outcomes.add(commit.submit(i));
    }
    hold.countDown();
    Thread writer = new Thread(commit::run);
    writer.start();
    assertThat(outcomes.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("ok 12");
    assertThat(outcomes.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("ok 14");
    assertThatThrownBy(() -> outcomes.get(1).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("13 refused");
    commit.stop();
    writer.join(5000);
  }

  @Test
  void afterStopNothingIsAccepted() {
    GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 10, items -> items);
    commit.stop();
    commit.run();
    assertThat(commit.submit(1)).isCompletedExceptionally();
    assertThatThrownBy(() -> new GroupCommit<Integer, Integer>("x", 0, items -> items))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
