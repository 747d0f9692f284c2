namespace Scheduler.Api.OpenApi;

/// <summary>The conventions every endpoint shares, shown at the top of the API reference.</summary>
internal static class ApiDescription
{
    public const string Text = """
        Schedule HTTP calls, queue messages, commands and SSH commands.

        * **Auth**: every endpoint but `GET /api/health` needs an API key, in `X-Api-Key` or as `Authorization: Bearer <key>`.
        * **JSON**: camelCase names, enums as strings, unknown fields and duplicate fields are refused (400 naming the field).
          Durations (`timeout`, `retry.firstInterval`, `schedule.interval`, ...) are strings `"[d.]hh:mm:ss"`, e.g. `"00:00:30"`.
          Instants are ISO 8601 with an offset, e.g. `"2030-01-01T09:00:00Z"`. Bodies are at most 256 KiB of `application/json`.
        * **Errors**: RFC 9457 problem details (`application/problem+json`); validation errors carry an `errors` map keyed by
          field path (`schedule.cron`, `target.url`, ...). 401 no or wrong key, 404 missing, 409 conflict, 412 ETag mismatch,
          413 body too large, 415 not JSON.
        * **Concurrency**: reads return an `ETag` header; send it back in `If-Match` to make a change conditional.
        * **Idempotency**: `POST /api/jobs` with `Idempotency-Key` creates one job however often it is retried.
        * **Run ids** are `{jobId}:{dueTicks}` (19 digits); the ':' may be sent as is or as `%3A`.
        """;
}
