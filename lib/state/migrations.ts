import type { DuckDBConnection } from '@duckdb/node-api';
import { code, sql } from '@/lib/sql/sql';
import { execute, select } from './statement';

/**
 * Numbered, append-only schema changes for the app-state store. Never edit or reorder a shipped
 * migration: add the next number. Each runs in its own transaction with its version row, so a
 * crash leaves the store at a clean version.
 *
 * Branches developed side by side may reserve numbers (`audit_log` took 5 while 4 was still being
 * written), so a number may be missing, and a store that already has 5 still gets 4 once it ships:
 * every migration whose version is not recorded runs, in ascending order. A migration therefore must
 * not depend on one with a higher number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users',
    sql: `
      CREATE TABLE users (
        name          VARCHAR PRIMARY KEY,
        password_hash VARCHAR,
        role          VARCHAR NOT NULL,
        created_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        updated_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
      )`,
  },
  {
    version: 2,
    name: 'findings',
    // Imported GuardDuty findings and Trailscope's own detections (lib/findings/store.ts). Times
    // are UTC TIMESTAMPs; actor fields are columns so the list can filter on them; resources and
    // evidence event ids are JSON text, read and merged whole by the store.
    sql: `
      CREATE TABLE findings (
        id                  VARCHAR PRIMARY KEY,
        source              VARCHAR NOT NULL,
        type                VARCHAR NOT NULL,
        severity            DOUBLE NOT NULL,
        severity_label      VARCHAR NOT NULL,
        title               VARCHAR NOT NULL,
        description         VARCHAR NOT NULL,
        first_seen          TIMESTAMP NOT NULL,
        last_seen           TIMESTAMP NOT NULL,
        account_id          VARCHAR,
        region              VARCHAR,
        actor_access_key_id VARCHAR,
        actor_principal_id  VARCHAR,
        actor_arn           VARCHAR,
        actor_user_name     VARCHAR,
        actor_user_type     VARCHAR,
        actor_session_id    VARCHAR,
        resources           VARCHAR NOT NULL,
        evidence_event_ids  VARCHAR NOT NULL,
        rule                VARCHAR,
        count               BIGINT NOT NULL,
        created_at          TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        updated_at          TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
      )`,
  },
  {
    // Managers' reviews (lib/reviews): each vendor role's expected-actions list, and each account's
    // uploaded `aws iam get-account-authorization-details`, kept in the normalised form that
    // lib/reviews/policy/authorization-details.ts parses it into and never sent back to the browser.
    version: 3,
    name: 'reviews',
    sql: `
      CREATE TABLE IF NOT EXISTS vendor_expected_actions (
        role_arn   VARCHAR PRIMARY KEY,
        patterns   VARCHAR NOT NULL,
        updated_by VARCHAR NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
      );
      CREATE TABLE IF NOT EXISTS authorization_details (
        account_id  VARCHAR PRIMARY KEY,
        file_name   VARCHAR,
        details     VARCHAR NOT NULL,
        summary     VARCHAR NOT NULL,
        uploaded_by VARCHAR NOT NULL,
        uploaded_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
      )`,
  },
  {
    // Sessions are re-checked on every request (lib/auth/session-check.ts): a session carries the
    // user's session_version from sign-in, and changing the role or password, disabling or
    // deleting the user bumps it, ending every older session. Sign-out ends one session by
    // listing its id until the cookie would have expired anyway. Single-sign-on users are keyed
    // by their provider's subject (`sso:<sub>`) and shown by display name.
    version: 4,
    name: 'sessions',
    sql: `
      ALTER TABLE users ADD COLUMN session_version INTEGER DEFAULT 1;
      ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT false;
      ALTER TABLE users ADD COLUMN source VARCHAR DEFAULT 'password';
      ALTER TABLE users ADD COLUMN display_name VARCHAR;
      CREATE TABLE revoked_sessions (
        session_id VARCHAR PRIMARY KEY,
        user_name  VARCHAR NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      )`,
  },
  {
    // Who did what (lib/audit): append-only, the store module offers insert, query and the
    // retention purge and nothing else. `id` comes from a sequence, so it orders rows as they were
    // appended and pages newest first without ties. No primary key: the sequence already makes ids
    // unique, and an index would only slow the appends every request makes. Times are UTC
    // TIMESTAMPs; the scope stays as the ISO text the request carried; `detail` is JSON text.
    version: 5,
    name: 'audit_log',
    sql: `
      CREATE SEQUENCE audit_log_id START 1;
      CREATE TABLE audit_log (
        id          BIGINT NOT NULL DEFAULT nextval('audit_log_id'),
        recorded_at TIMESTAMP NOT NULL,
        action      VARCHAR NOT NULL,
        actor       VARCHAR,
        via         VARCHAR,
        address     VARCHAR,
        entity      VARCHAR,
        scope_from  VARCHAR,
        scope_to    VARCHAR,
        outcome     VARCHAR NOT NULL,
        detail      VARCHAR
      )`,
  },
  {
    // Triage (lib/findings/workflow.ts): each finding's status and assignee beside its observation
    // (the observation columns are rewritten by every merge; these are not), and one append-only
    // trail per finding of what people and Trailscope did to it: status and assignee changes,
    // notes, and reopening when a resolved finding fires again. Ids from a sequence order it.
    version: 6,
    name: 'finding_workflow',
    sql: `
      ALTER TABLE findings ADD COLUMN status VARCHAR DEFAULT 'new';
      ALTER TABLE findings ADD COLUMN assignee VARCHAR;
      ALTER TABLE findings ADD COLUMN status_changed_at TIMESTAMP;
      CREATE SEQUENCE finding_activity_id START 1;
      CREATE TABLE finding_activity (
        id          BIGINT NOT NULL DEFAULT nextval('finding_activity_id'),
        finding_id  VARCHAR NOT NULL,
        happened_at TIMESTAMP NOT NULL,
        actor       VARCHAR NOT NULL,
        kind        VARCHAR NOT NULL,
        old_value   VARCHAR,
        new_value   VARCHAR,
        note        VARCHAR
      )`,
  },
  {
    // The ATT&CK techniques each finding evidences (lib/findings/techniques.ts), as JSON text: written
    // with the finding, recomputed at start when the bundled mapping changed, filtered with LIKE.
    version: 7,
    name: 'finding_techniques',
    sql: `ALTER TABLE findings ADD COLUMN techniques VARCHAR DEFAULT '[]'`,
  },
  {
    // Who is really behind each finding (lib/findings/origins.ts): the origin identity its actor
    // resolves to through the role chain, resolved once by the app's loop, so incidents (findings
    // grouped by origin) are read from here without a query per finding.
    version: 8,
    name: 'finding_origins',
    sql: `
      ALTER TABLE findings ADD COLUMN origin_key VARCHAR;
      ALTER TABLE findings ADD COLUMN origin_type VARCHAR;
      ALTER TABLE findings ADD COLUMN origin_name VARCHAR;
      ALTER TABLE findings ADD COLUMN origin_arn VARCHAR;
      ALTER TABLE findings ADD COLUMN origin_session VARCHAR;
      ALTER TABLE findings ADD COLUMN origin_resolved_at TIMESTAMP`,
  },
  {
    // Webhook notifications (lib/notifications): each webhook's settings and the secret that signs
    // its deliveries (kept to sign with, never sent to the browser after creation); one row per
    // delivery (updated after every attempt, so the page shows a retry in progress); and what each
    // webhook was told, so a finding or incident is announced once (a reopening is a new occurrence).
    version: 9,
    name: 'webhooks',
    sql: `
      CREATE TABLE webhooks (
        id           VARCHAR PRIMARY KEY,
        name         VARCHAR NOT NULL,
        url          VARCHAR NOT NULL,
        format       VARCHAR NOT NULL,
        min_severity VARCHAR NOT NULL,
        on_findings  BOOLEAN NOT NULL,
        on_incidents BOOLEAN NOT NULL,
        enabled      BOOLEAN NOT NULL,
        secret       VARCHAR NOT NULL,
        created_by   VARCHAR NOT NULL,
        created_at   TIMESTAMP NOT NULL,
        updated_by   VARCHAR NOT NULL,
        updated_at   TIMESTAMP NOT NULL
      );
      CREATE SEQUENCE webhook_delivery_id START 1;
      CREATE TABLE webhook_deliveries (
        id          BIGINT NOT NULL DEFAULT nextval('webhook_delivery_id'),
        webhook_id  VARCHAR NOT NULL,
        started_at  TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        event       VARCHAR NOT NULL,
        reason      VARCHAR NOT NULL,
        item_count  INTEGER NOT NULL,
        item_ids    VARCHAR NOT NULL,
        outcome     VARCHAR NOT NULL,
        attempts    INTEGER NOT NULL,
        status      INTEGER,
        error       VARCHAR,
        duration_ms BIGINT,
        attempt_log VARCHAR NOT NULL
      );
      CREATE TABLE webhook_notified (
        webhook_id  VARCHAR NOT NULL,
        kind        VARCHAR NOT NULL,
        item_id     VARCHAR NOT NULL,
        occurrence  VARCHAR NOT NULL,
        notified_at TIMESTAMP NOT NULL,
        PRIMARY KEY (webhook_id, kind, item_id, occurrence)
      )`,
  },
];

export async function migrate(connection: DuckDBConnection, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  await execute(
    connection,
    sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       VARCHAR NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
  );
  const applied = await select(connection, sql`SELECT version FROM schema_migrations`);
  const done = new Set(applied.map((r) => Number(r.version)));

  for (const migration of migrations.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version)) {
    await execute(connection, sql`BEGIN TRANSACTION`);
    try {
      await execute(connection, code(migration.sql));
      await execute(connection, sql`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`);
      await execute(connection, sql`COMMIT`);
    } catch (error) {
      await execute(connection, sql`ROLLBACK`);
      throw new Error(`State migration ${migration.version} (${migration.name}) failed`, { cause: error });
    }
  }
}
