package org.xeenet.portal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last chart document of each campaign, kept while its valid results do not change (same count,
 * same latest finish): every open campaign page fetches it every 10 s, and most fetches find
 * nothing new. At most {@link #CAMPAIGNS} campaigns are kept; past that the cache starts over. Per
 * server instance; a document is never shared between callers who may not see it (the caller's
 * right to the campaign is checked before the cache is asked).
 */
@ApplicationScoped
public class ChartCache {
  static final int CAMPAIGNS = 64;

  private record Entry(String stamp, String json) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The document for this stamp of the campaign's results, computed when it changed. */
  public String get(String campaignId, String stamp, Supplier<String> compute) {
    Entry entry = entries.get(campaignId);
    if (entry != null && entry.stamp().equals(stamp)) {
      return entry.json();
    }
    String json = compute.get();
    if (entries.size() >= CAMPAIGNS) {
      entries.clear();
    }
    entries.put(campaignId, new Entry(stamp, json));
    return json;
  }
}
