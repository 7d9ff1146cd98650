package dev.recordingsindexer.benchmarks.query;

/**
 * The figures the soak samples, in the order of the result lines and the plot's panels. Those
 * {@linkplain #judged() judged} must stay flat; the others (rates, load) say what load the run
 * achieved. The allowance is the absolute growth the flatness rule tolerates on top of its share.
 */
enum SoakMetric {
  // Not judged: where a sample lands in the young generation's sawtooth, not what the heap keeps
  // (the first 30-minute run was flagged on it alone); old generation and live data after GC are.
  HEAP_USED("heap_used_mib", "heap used (MiB)", false, 8),
  HEAP_OLD_GEN("heap_old_gen_used_mib", "heap, old generation used (MiB)", true, 8),
  HEAP_LIVE_AFTER_GC("heap_live_after_gc_mib", "heap live after last major GC (MiB)", true, 8),
  NON_HEAP("nonheap_used_mib", "non-heap used (MiB)", true, 8),
  RSS("rss_mib", "RSS (MiB)", true, 8),
  OPEN_FILES("open_files", "open file descriptors", true, 10),
  THREADS("threads", "threads", true, 5),
  ROCKSDB_CACHE("rocksdb_block_cache_usage_mib", "RocksDB block cache usage (MiB)", true, 8),
  ROCKSDB_MEMTABLES("rocksdb_memtables_mib", "RocksDB memtables (MiB)", true, 8),
  LAG("consumer_lag_events", "consumer lag (events)", true, 2000),
  QUERY_P99("query_p99_ms", "query p99 over 10 s (ms)", true, 5),
  INGEST_RATE("ingest_events_per_s", "ingest acked (events/s)", false, 0),
  QUERY_RATE("queries_per_s", "queries answered (req/s)", false, 0),
  SERVICE_CPU("service_cpu_cores", "service CPU (cores)", false, 0),
  LOAD_AVERAGE("loadavg_1m", "machine load average (1 min)", false, 0);

  private final String key;
  private final String label;
  private final boolean judged;
  private final double allowance;

  SoakMetric(String key, String label, boolean judged, double allowance) {
    this.key = key;
    this.label = label;
    this.judged = judged;
    this.allowance = allowance;
  }

  /** The name in result lines. */
  String key() {
    return key;
  }

  /** The title of its plot panel, with the unit. */
  String label() {
    return label;
  }

  /** Whether the verdict requires it to stay flat. */
  boolean judged() {
    return judged;
  }

  /** Absolute growth, in the metric's unit, that still counts as flat. */
  double allowance() {
    return allowance;
  }
}
