import { sql, type Kysely } from 'kysely';
import { allOrNothing, isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * The dashboard's stance tallies, one row per frozen service: the figures of `review_tally`
 * (0025: a row per service and stance) side by side, with the service's round and position, and
 * an index per order the dashboard offers. Ordering a round's services by how contested they are
 * summed and sorted every service's tallies on every view (3,400 services, 13,600 tally rows at
 * 100x: 10 ms on SQLite, more on PostgreSQL, for each view of a page of 100); with this table a
 * page in any order is read from an index, 100 rows.
 *
 * Kept by triggers whoever writes: a frozen service added (a row of zeros), and every change to
 * `review_tally` (whose own triggers follow the stances, reviews and populations) added to its
 * service's row. Rows go with their service.
 */

/** Frozen with this migration: the stances as the dashboard's columns. */
const stances = ['supports', 'supports-with-changes', 'opposes', 'no-opinion'] as const;
const column = (stance: string) => stance.replace(/-/g, '_');

/** Adds `row`'s tally (sign +1 or -1) to its service's row. */
const addTally = (row: 'new' | 'old', sign: 1 | -1) =>
  `update review_service_tally set ${stances
    .flatMap((s) => [
      `n_${column(s)} = n_${column(s)} + case when ${row}.stance = '${s}' then ${sign} * ${row}.n else 0 end`,
      `p_${column(s)} = p_${column(s)} + case when ${row}.stance = '${s}' then ${sign} * ${row}.p else 0 end`,
    ])
    .join(', ')}
   where round_service_id = ${row}.round_service_id;`;

const zeros = stances.flatMap(() => ['0', '0']).join(', ');
const countColumns = stances.flatMap((s) => [`n_${column(s)}`, `p_${column(s)}`]).join(', ');
const addService = `insert into review_service_tally (round_service_id, round_id, position, ${countColumns}) values (new.id, new.round_id, new.position, ${zeros});`;
const moveService = `update review_service_tally set round_id = new.round_id, position = new.position where round_service_id = new.id;`;

/** The orders of the dashboard other than the list's own: their keys, largest first, then the list's order. */
const orders: Record<string, [string, string]> = {
  omstridt: ['(p_opposes + p_supports_with_changes)', '(n_opposes + n_supports_with_changes)'],
  mot: ['p_opposes', 'n_opposes'],
  endringer: ['p_supports_with_changes', 'n_supports_with_changes'],
  stotter: ['p_supports', 'n_supports'],
};

export async function up(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    let table = trx.schema
      .createTable('review_service_tally')
      .addColumn('round_service_id', 'integer', (c) => c.primaryKey().references('review_round_service.id').onDelete('cascade'))
      .addColumn('round_id', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull());
    for (const s of stances) {
      table = table.addColumn(`n_${column(s)}`, 'integer', (c) => c.notNull()).addColumn(`p_${column(s)}`, 'bigint', (c) => c.notNull());
    }
    await table.execute();
    await sql.raw(`insert into review_service_tally (round_service_id, round_id, position, ${countColumns})
      select rs.id, rs.round_id, rs.position, ${stances
        .flatMap((s) => [`coalesce(sum(case when g.stance = '${s}' then g.n else 0 end), 0)`, `coalesce(sum(case when g.stance = '${s}' then g.p else 0 end), 0)`])
        .join(', ')}
      from review_round_service rs left join review_tally g on g.round_service_id = rs.id
      group by rs.id, rs.round_id, rs.position`).execute(trx);
    await sql`create index review_service_tally_list on review_service_tally (round_id, position, round_service_id)`.execute(trx);
    for (const [order, [first, second]] of Object.entries(orders)) {
      await sql.raw(`create index review_service_tally_${order} on review_service_tally (round_id, ${first} desc, ${second} desc, position, round_service_id)`).execute(trx);
    }

    if (isPostgres(trx)) {
      await sql.raw(`create function review_service_tally_service() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then ${addService} else ${moveService} end if;
          return null;
        end $$`).execute(trx);
      await sql`create trigger review_service_tally_service after insert or update of round_id, position on review_round_service for each row execute function review_service_tally_service()`.execute(trx);
      await sql.raw(`create function review_service_tally_tally() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then ${addTally('old', -1)} end if;
          if tg_op in ('INSERT', 'UPDATE') then ${addTally('new', 1)} end if;
          return null;
        end $$`).execute(trx);
      await sql`create trigger review_service_tally_tally after insert or update or delete on review_tally for each row execute function review_service_tally_tally()`.execute(trx);
    } else {
      await sql.raw(`create trigger review_service_tally_service_insert after insert on review_round_service begin ${addService} end`).execute(trx);
      await sql.raw(`create trigger review_service_tally_service_update after update of round_id, position on review_round_service begin ${moveService} end`).execute(trx);
      await sql.raw(`create trigger review_service_tally_insert after insert on review_tally begin ${addTally('new', 1)} end`).execute(trx);
      await sql.raw(`create trigger review_service_tally_update after update on review_tally begin ${addTally('old', -1)} ${addTally('new', 1)} end`).execute(trx);
      await sql.raw(`create trigger review_service_tally_delete after delete on review_tally begin ${addTally('old', -1)} end`).execute(trx);
    }
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    if (isPostgres(trx)) {
      await sql`drop trigger review_service_tally_service on review_round_service`.execute(trx);
      await sql`drop trigger review_service_tally_tally on review_tally`.execute(trx);
      await sql`drop function review_service_tally_service()`.execute(trx);
      await sql`drop function review_service_tally_tally()`.execute(trx);
    } else {
      for (const name of ['service_insert', 'service_update', 'insert', 'update', 'delete']) await sql.raw(`drop trigger review_service_tally_${name}`).execute(trx);
    }
    await trx.schema.dropTable('review_service_tally').execute();
  });
}
