package org.xeenet.cluster.boundary;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's data grid (Hazelcast) as this application uses it: looked up at {@code
 * payara/Hazelcast}, used only when it runs (Payara Micro without {@code --nohazelcast}, Payara
 * Server with Hazelcast enabled). Shared maps with compare-and-set, and topics. Without the grid
 * every method answers as a cluster of one would.
 */
@ApplicationScoped
public class DataGrid {
  private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
  static final String JNDI_NAME = "payara/Hazelcast";

  private volatile Optional<HazelcastInstance> hazelcast;

  /** The running grid, or empty. Looked up once; a grid that stops counts as none. */
  Optional<HazelcastInstance> hazelcast() {
    Optional<HazelcastInstance> known = hazelcast;
    if (known == null) {
      known = lookUp();
      hazelcast = known;
    }
    return known.filter(hz -> hz.getLifecycleService().isRunning());
  }

  private static Optional<HazelcastInstance> lookUp() {
    try {
      Object found = new InitialContext().lookup(JNDI_NAME);
      if (found instanceof HazelcastInstance hz && hz.getLifecycleService().isRunning()) {
        LOG.info(
            () ->
                "data grid: cluster "
                    + hz.getConfig().getClusterName()
                    + ", "
                    + hz.getCluster().getMembers().size()
                    + " member(s)");
        return Optional.of(hz);
      }
    } catch (NamingException | RuntimeException | LinkageError e) {
      LOG.log(Level.FINE, "no data grid", e);
    }
    LOG.info("no data grid: cluster-wide state stays in this instance");
    return Optional.empty();
  }

  /** Whether instances share state through the grid. */
  public boolean clustered() {
    return hazelcast().isPresent();
  }

  /** Members of the cluster (1 without the grid). */
  public int members() {
    return hazelcast().map(hz -> hz.getCluster().getMembers().size()).orElse(1);
  }

  /** The cluster's name, or empty without the grid. */
  public Optional<String> clusterName() {
    return hazelcast().map(hz -> hz.getConfig().getClusterName());
  }

  /** This instance as the cluster knows it (its grid address), or {@code local}. */
  public String memberName() {
    return hazelcast()
        .map(hz -> hz.getCluster().getLocalMember().getAddress().toString())
        .orElse("local");
  }

  /** The value under {@code key} of the shared map {@code map}. Needs the grid. */
  public <V> V get(String map, String key) {
    IMap<String, V> shared = grid().getMap(map);
    return shared.get(key);
  }

  /**
   * Sets {@code key} to {@code next} when it holds {@code expected} (null: when it is absent); the
   * entry is forgotten {@code ttlSeconds} after its last write. Needs the grid.
   */
  public <V> boolean compareAndSet(String map, String key, V expected, V next, long ttlSeconds) {
    IMap<String, V> shared = grid().getMap(map);
    if (expected == null) {
      return shared.putIfAbsent(key, next, ttlSeconds, TimeUnit.SECONDS) == null;
    }
    if (!shared.replace(key, expected, next)) {
      return false;
    }
    shared.setTtl(key, ttlSeconds, TimeUnit.SECONDS);
    return true;
  }

  /** Sends {@code text} to every subscriber of {@code topic} in the cluster. Needs the grid. */
  public void publish(String topic, String text) {
    ITopic<String> shared = grid().getTopic(topic);
    shared.publish(text);
  }

  /** Calls {@code receiver} with every text sent to {@code topic}. Needs the grid. */
  public void subscribe(String topic, Consumer<String> receiver) {
    ITopic<String> shared = grid().getTopic(topic);
    shared.addMessageListener(message -> receiver.accept(message.getMessageObject()));
  }

  private HazelcastInstance grid() {
    return hazelcast().orElseThrow(() -> new IllegalStateException("no data grid"));
  }
}
