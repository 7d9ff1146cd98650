/**
 * The published schemas of recordings-indexer and validators over them, for tests of the other
 * modules.
 *
 * <p>{@link dev.recordingsindexer.schemas.EventSchema} checks a record value against {@code
 * recording-event.schema.json} (the input contract); {@link
 * dev.recordingsindexer.schemas.TwilioSchemas} checks API responses against Twilio's own {@code
 * video.v1.recording} and {@code ListRecordingResponse} (the output contract); {@link
 * dev.recordingsindexer.schemas.OpenApiSpec} loads {@code openapi.yaml}, the description of the
 * HTTP API. Everything else in the package is an implementation detail.
 */
package dev.recordingsindexer.schemas;
