package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.store.IndexKind;

/**
 * Chooses the narrowest index for a filter: a source SID names one track, a grouping SID one room
 * or participant, a status or a media type a large share of the account, and the date index holds
 * everything.
 */
final class QueryPlanner {

  private QueryPlanner() {}

  static QueryPlan plan(RecordingFilter filter) {
    if (filter.sourceSid() != null) {
      return new QueryPlan(IndexKind.SOURCE, filter.sourceSid());
    }
    if (!filter.groupingSids().isEmpty()) {
      return new QueryPlan(IndexKind.GROUPING, filter.groupingSids().get(0));
    }
    if (filter.status() != null) {
      return new QueryPlan(IndexKind.STATUS, filter.status().wire());
    }
    if (filter.mediaType() != null) {
      return new QueryPlan(IndexKind.MEDIA_TYPE, filter.mediaType().wire());
    }
    return new QueryPlan(IndexKind.DATE, null);
  }
}
