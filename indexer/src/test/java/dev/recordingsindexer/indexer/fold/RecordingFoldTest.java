package dev.recordingsindexer.indexer.fold;

import static dev.recordingsindexer.indexer.event.EventType.COMPLETED;
import static dev.recordingsindexer.indexer.event.EventType.DELETED;
import static dev.recordingsindexer.indexer.event.EventType.FAILED;
import static dev.recordingsindexer.indexer.event.EventType.STARTED;
import static dev.recordingsindexer.indexer.fold.EventBuilder.event;
import static dev.recordingsindexer.indexer.fold.Folding.applied;
import static dev.recordingsindexer.indexer.fold.Folding.fold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One test per rule of the contract's "How events fold" section. */
class RecordingFoldTest {

  @Test
  void shouldBuildTheRecordingFromItsFirstEvent() {
    Recording recording =
        fold(event(STARTED, "2026-01-01T10:00:00.250Z")
                .sourceSid("MTdddddddddddddddddddddddddddddddd")
                .grouping("room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .trackName("mic")
                .mediaType(MediaType.AUDIO)
                .codec(Codec.OPUS)
                .containerFormat(ContainerFormat.MKA)
                .build())
            .toRecording();

    assertThat(recording.sid()).isEqualTo(EventBuilder.SID);
    assertThat(recording.accountSid()).isEqualTo(EventBuilder.ACCOUNT);
    assertThat(recording.status()).isEqualTo(RecordingStatus.PROCESSING);
    assertThat(recording.dateCreated()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(recording.dateUpdated()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(recording.dateDeleted()).isNull();
    assertThat(recording.sourceSid()).isEqualTo("MTdddddddddddddddddddddddddddddddd");
    assertThat(recording.trackName()).isEqualTo("mic");
    assertThat(recording.type()).isEqualTo(MediaType.AUDIO);
    assertThat(recording.codec()).isEqualTo(Codec.OPUS);
    assertThat(recording.containerFormat()).isEqualTo(ContainerFormat.MKA);
    assertThat(recording.groupingSids())
        .containsExactly(entry("room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  }

  @Test
  void shouldLeaveEveryNeverReportedFieldNull() {
    Recording recording = fold(event(STARTED, "2026-01-01T10:00:00Z").build()).toRecording();

    assertThat(recording)
        .extracting(
            Recording::dateDeleted,
            Recording::sourceSid,
            Recording::size,
            Recording::type,
            Recording::duration,
            Recording::containerFormat,
            Recording::codec,
            Recording::trackName,
            Recording::offset,
            Recording::mediaExternalLocation,
            Recording::statusCallback,
            Recording::statusCallbackMethod,
            Recording::encryptionKey)
        .containsOnlyNulls();
    assertThat(recording.groupingSids()).isEmpty();
  }

  @Test
  void shouldMoveToCompletedWhenCompletionFollowsTheStart() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00Z").build(),
            event(COMPLETED, "2026-01-01T10:05:00Z").size(4096).duration(300).build());

    assertThat(state.toRecording().status()).isEqualTo(RecordingStatus.COMPLETED);
    assertThat(state.toRecording().size()).isEqualTo(4096L);
  }

  @Test
  void shouldKeepCompletedStatusWhenStartedArrivesLate() {
    RecordingState state =
        fold(
            event(COMPLETED, "2026-01-01T10:01:00Z").build(),
            event(STARTED, "2026-01-01T10:02:00Z").build());

    assertThat(state.toRecording().status()).isEqualTo(RecordingStatus.COMPLETED);
    assertThat(state.toRecording().dateUpdated()).isEqualTo(Instant.parse("2026-01-01T10:02:00Z"));
  }

  @Test
  void shouldKeepDeletedStatusWhenACompletionArrivesAfterTheDeletion() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00Z").build(),
            event(DELETED, "2026-01-02T00:00:00Z").build(),
            event(COMPLETED, "2026-01-03T10:10:00Z").size(99).build());

    assertThat(state.toRecording().status()).isEqualTo(RecordingStatus.DELETED);
    assertThat(state.toRecording().size()).isEqualTo(99L);
  }

  @Test
  void shouldLetTheLaterOfCompletionAndFailureDecideTheStatus() {
    RecordingEvent completed = event(COMPLETED, "2026-01-01T10:01:00Z").build();
    RecordingEvent failed = event(FAILED, "2026-01-01T10:02:00Z").build();

    assertThat(fold(completed, failed).toRecording().status()).isEqualTo(RecordingStatus.FAILED);
    assertThat(fold(failed, completed).toRecording().status()).isEqualTo(RecordingStatus.FAILED);
  }

  @Test
  void shouldGiveAnExactTieBetweenCompletionAndFailureToFailureWhateverTheOrder() {
    RecordingEvent completed = event(COMPLETED, "2026-01-01T10:01:00Z").sequence(3).build();
    RecordingEvent failed = event(FAILED, "2026-01-01T10:01:00Z").sequence(3).build();

    assertThat(fold(completed, failed)).isEqualTo(fold(failed, completed));
    assertThat(fold(completed, failed).toRecording().status()).isEqualTo(RecordingStatus.FAILED);
  }

  @Test
  void shouldDateTheCreationAtTheEarliestTimestampWhenNoEventCarriesDateCreated() {
    RecordingState state =
        fold(
            event(COMPLETED, "2026-01-01T10:05:00Z").build(),
            event(STARTED, "2026-01-01T10:00:00.900Z").build());

    assertThat(state.toRecording().dateCreated()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
  }

  @Test
  void shouldPreferAnExplicitDateCreatedOverEveryTimestamp() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00Z").build(),
            event(COMPLETED, "2026-01-01T10:10:00Z").dateCreated("2026-01-01T10:05:00Z").build());

    assertThat(state.toRecording().dateCreated()).isEqualTo(Instant.parse("2026-01-01T10:05:00Z"));
  }

  @Test
  void shouldMoveDateCreatedEarlierWhenAnEarlierExplicitDateArrives() {
    RecordingState first =
        fold(event(STARTED, "2026-01-01T10:00:00Z").dateCreated("2026-01-01T09:59:00Z").build());
    RecordingState later =
        applied(
            first,
            event(COMPLETED, "2026-01-01T10:10:00Z")
                .dateCreated("2026-01-01T09:58:30.700Z")
                .build());
    RecordingState notEarlier =
        applied(
            later,
            event(COMPLETED, "2026-01-01T10:11:00Z").dateCreated("2026-01-01T09:59:30Z").build());

    assertThat(first.toRecording().dateCreated()).isEqualTo(Instant.parse("2026-01-01T09:59:00Z"));
    assertThat(later.toRecording().dateCreated()).isEqualTo(Instant.parse("2026-01-01T09:58:30Z"));
    assertThat(notEarlier.toRecording().dateCreated())
        .isEqualTo(Instant.parse("2026-01-01T09:58:30Z"));
  }

  @Test
  void shouldDateTheUpdateAtTheLatestTimestamp() {
    RecordingState state =
        fold(
            event(COMPLETED, "2026-01-01T10:05:00.999Z").build(),
            event(STARTED, "2026-01-01T10:00:00Z").build());

    assertThat(state.toRecording().dateUpdated()).isEqualTo(Instant.parse("2026-01-01T10:05:00Z"));
  }

  @Test
  void shouldDateTheDeletionAtTheEarliestDeletedEvent() {
    RecordingState state =
        fold(
            event(DELETED, "2026-01-02T00:00:00Z").build(),
            event(DELETED, "2026-01-01T23:00:00.500Z").build(),
            event(COMPLETED, "2026-01-01T22:00:00Z").build());

    assertThat(state.toRecording().dateDeleted()).isEqualTo(Instant.parse("2026-01-01T23:00:00Z"));
    assertThat(state.toRecording().dateUpdated()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @Test
  void shouldTruncateDatesToWholeSecondsInUtc() {
    RecordingState state =
        fold(event(STARTED, Instant.parse("2026-01-01T10:00:59.999999999Z")).build());

    assertThat(state.toRecording().dateCreated()).isEqualTo(Instant.parse("2026-01-01T10:00:59Z"));
  }

  @Test
  void shouldTakeEachFieldFromTheLastEventThatCarriesIt() {
    RecordingState state =
        fold(
            event(COMPLETED, "2026-01-01T10:10:00Z").size(200).trackName("late").build(),
            event(STARTED, "2026-01-01T10:00:00Z")
                .trackName("early")
                .offset(5)
                .codec(Codec.VP8)
                .build(),
            event(COMPLETED, "2026-01-01T10:05:00Z").size(100).codec(Codec.H264).build());

    Recording recording = state.toRecording();
    assertThat(recording.size()).isEqualTo(200L);
    assertThat(recording.trackName()).isEqualTo("late");
    assertThat(recording.codec()).isEqualTo(Codec.H264);
    assertThat(recording.offset()).isEqualTo(5L);
  }

  @Test
  void shouldBreakTimestampTiesBySequenceNumber() {
    RecordingEvent second = event(COMPLETED, "2026-01-01T10:10:00Z").sequence(2).size(200).build();
    RecordingEvent first = event(COMPLETED, "2026-01-01T10:10:00Z").sequence(1).size(100).build();

    assertThat(fold(second, first).toRecording().size()).isEqualTo(200L);
    assertThat(fold(first, second).toRecording().size()).isEqualTo(200L);
  }

  @Test
  void shouldOrderAnAbsentSequenceNumberBeforeZero() {
    RecordingEvent zero =
        event(COMPLETED, "2026-01-01T10:10:00Z").sequence(0).trackName("zero").build();
    RecordingEvent absent = event(COMPLETED, "2026-01-01T10:10:00Z").trackName("absent").build();

    assertThat(fold(zero, absent).toRecording().trackName()).isEqualTo("zero");
    assertThat(fold(absent, zero).toRecording().trackName()).isEqualTo("zero");
  }

  @Test
  void shouldBreakTimestampAndSequenceTiesByRank() {
    RecordingEvent started =
        event(STARTED, "2026-01-01T10:00:00Z").sequence(1).trackName("start").build();
    RecordingEvent deleted =
        event(DELETED, "2026-01-01T10:00:00Z").sequence(1).trackName("gone").build();

    assertThat(fold(deleted, started).toRecording().trackName()).isEqualTo("gone");
    assertThat(fold(started, deleted).toRecording().trackName()).isEqualTo("gone");
  }

  @Test
  void shouldBreakAnExactTieByTheGreaterValueWhateverTheOrder() {
    RecordingEvent a = event(COMPLETED, "2026-01-01T10:00:00Z").trackName("a").size(9).build();
    RecordingEvent b = event(COMPLETED, "2026-01-01T10:00:00Z").trackName("b").size(1).build();

    assertThat(fold(a, b)).isEqualTo(fold(b, a));
    assertThat(fold(a, b).toRecording().trackName()).isEqualTo("b");
    assertThat(fold(a, b).toRecording().size()).isEqualTo(9L);
  }

  @Test
  void shouldMergeGroupingSidsMemberByMember() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00Z")
                .grouping("room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .grouping("participant_sid", "PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
                .build(),
            event(COMPLETED, "2026-01-01T10:01:00Z")
                .grouping("participant_sid", "PAcccccccccccccccccccccccccccccccc")
                .build(),
            event(STARTED, "2026-01-01T09:00:00Z")
                .grouping("room_sid", "RMdddddddddddddddddddddddddddddddd")
                .grouping("composition_sid", "CJeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")
                .build());

    assertThat(state.toRecording().groupingSids())
        .containsExactly(
            entry("room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            entry("participant_sid", "PAcccccccccccccccccccccccccccccccc"),
            entry("composition_sid", "CJeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"));
  }

  @Test
  void shouldListGroupingSidsRoomThenParticipantThenTheRestByName() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00Z")
                .grouping("zeta_sid", "ZZaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .grouping("participant_sid", "PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
                .grouping("alpha_sid", "AAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .grouping("room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .build());

    assertThat(state.toRecording().groupingSids().keySet())
        .containsExactly("room_sid", "participant_sid", "alpha_sid", "zeta_sid");
  }

  @Test
  void shouldRejectAnEventOfAnotherAccountAndChangeNothing() {
    RecordingState state = fold(event(STARTED, "2026-01-01T10:00:00Z").build());

    FoldResult result =
        RecordingFold.apply(
            state,
            event(COMPLETED, "2026-01-01T10:01:00Z").account(EventBuilder.OTHER_ACCOUNT).build());

    assertThat(result).isInstanceOf(FoldResult.Rejected.class);
    assertThat(((FoldResult.Rejected) result).reason())
        .startsWith(
            "account_sid: " + EventBuilder.OTHER_ACCOUNT + " differs from " + EventBuilder.ACCOUNT);
    assertThat(state.toRecording().status()).isEqualTo(RecordingStatus.PROCESSING);
  }

  @Test
  void shouldReturnTheSameStateForADuplicateEvent() {
    RecordingEvent started = event(STARTED, "2026-01-01T10:00:00Z").trackName("mic").build();
    RecordingEvent completed = event(COMPLETED, "2026-01-01T10:01:00Z").size(10).build();
    RecordingState state = fold(started, completed);

    assertThat(applied(state, started)).isSameAs(state);
    assertThat(applied(state, completed)).isSameAs(state);
    assertThat(applied(state, event(COMPLETED, "2026-01-01T10:01:00Z").size(10).build()))
        .isSameAs(state);
  }

  @Test
  void shouldReturnTheSameStateForAnEventThatWinsNothing() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00Z").build(),
            event(COMPLETED, "2026-01-01T10:10:00Z").trackName("final").size(10).build());

    RecordingState after =
        applied(state, event(STARTED, "2026-01-01T10:05:00Z").trackName("stale").size(1).build());

    assertThat(after).isSameAs(state);
  }

  @Test
  void shouldProduceAnEqualStateWhenTheSameEventsAreFoldedAgain() {
    RecordingEvent started = event(STARTED, "2026-01-01T10:00:00Z").trackName("mic").build();
    RecordingEvent completed = event(COMPLETED, "2026-01-01T10:01:00Z").size(10).build();

    RecordingState once = fold(started, completed);
    RecordingState again = fold(completed, started, completed);

    assertThat(again).isEqualTo(once).hasSameHashCodeAs(once);
    assertThat(again.toRecording()).isEqualTo(once.toRecording());
  }

  @Test
  void shouldRefuseAnEventOfAnotherRecordingAsACallerError() {
    RecordingState state = fold(event(STARTED, "2026-01-01T10:00:00Z").build());
    RecordingEvent other =
        event(STARTED, "2026-01-01T10:00:00Z").sid("RT00000000000000000000000000000002").build();

    assertThatThrownBy(() -> RecordingFold.apply(state, other))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
