import '../i18n/register';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '@web/i18n';
import { ApiError } from '@web/lib/api-error';
import type { DeskAuditChainStatusQuery, DeskAuditLogQuery } from '@web/lib/graphql/graphql';
import { fakeClient, graphqlError, type Answer } from '@web/test/fake-client';
import { downloadCsv } from '../lib/csv-download';
import { renderDesk } from '../testing/factories';
import { AUDIT_PAGE_SIZE, AuditPage } from './audit-page';

vi.mock('../lib/csv-download', () => ({ downloadCsv: vi.fn() }));

type Entry = DeskAuditLogQuery['auditLog']['edges'][number]['node'];
type Chain = DeskAuditChainStatusQuery['auditChainStatus'];

const COORDINATOR = '11111111-1111-4111-8111-111111111111';
const memberId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hashOf = (seq: number) => `${seq.toString(16).padStart(4, '0')}${'c'.repeat(60)}`;

/** Entry `seq`: the coordinator suspended member `seq` in Kazakhstan, with a reason (unless told otherwise). */
const entry = (seq: number, overrides: Partial<Entry> = {}): Entry => ({
  seq,
  at: '2026-12-01T09:15:30.000Z',
  action: 'MEMBER_SUSPENDED',
  actorId: COORDINATOR,
  targetId: memberId(seq),
  country: 'KZ',
  reason: `Left the agency (${seq})`,
  data: '{}',
  hash: hashOf(seq),
  prevHash: hashOf(seq - 1),
  ...overrides,
});

/** The log newest first: seq `total` down to 1. */
const LOG = (total: number) => Array.from({ length: total }, (_, index) => entry(total - index));

const VALID: Chain = {
  valid: true,
  length: 30,
  headHash: hashOf(30),
  firstBrokenSeq: null,
};
const BROKEN: Chain = {
  valid: false,
  length: 30,
  headHash: hashOf(30),
  firstBrokenSeq: 17,
};

/** A server holding `log`; the chain answers `chain` in turn (the last one again after that). */
function server({ log = LOG(30), chain = [VALID] as Array<Chain | Answer> } = {}) {
  let checks = 0;
  return fakeClient((operation, variables) => {
    switch (operation) {
      case 'DeskAuditChainStatus': {
        const answer = chain[Math.min(checks, chain.length - 1)];
        checks += 1;
        return typeof answer === 'object' && 'valid' in answer
          ? { data: { auditChainStatus: answer } }
          : answer;
      }
      case 'DeskAuditLog': {
        const filter = (variables.filter ?? {}) as {
          action?: string | null;
          actorId?: string | null;
          targetId?: string | null;
        };
        const matching = log.filter(
          (item) =>
            (!filter.action || item.action === filter.action) &&
            (!filter.actorId || item.actorId === filter.actorId) &&
            (!filter.targetId || item.targetId === filter.targetId),
        );
        const after = typeof variables.after === 'string' ? Number(variables.after) : Infinity;
        const page = matching.filter((item) => item.seq < after).slice(0, Number(variables.first));
        const last = page.at(-1);
        return {
          data: {
            auditLog: {
              edges: page.map((node) => ({ cursor: String(node.seq), node })),
              pageInfo: {
                hasNextPage: !!last && matching.some((item) => item.seq < last.seq),
                endCursor: last ? String(last.seq) : null,
              },
            },
          },
        };
      }
      case 'DeskAuditNames':
        return {
          data: {
            practitionersByIds: (variables.ids as string[])
              .filter((id) => id !== memberId(3))
              .map((id) => ({
                id,
                displayName: id === COORDINATOR ? 'Aigerim Nurlanovna' : `Member ${Number(id.slice(-12))}`,
              })),
          },
        };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
}

function open(fake: ReturnType<typeof server>, path = '/desk/audit') {
  const router = renderDesk(fake.client, path, <AuditPage />);
  return { ...fake, router };
}

const entries = () =>
  within(screen.getByRole('list', { name: 'Entries, newest first' })).getAllByRole('listitem');

describe(AuditPage.name, () => {
  beforeEach(() => {
    vi.mocked(downloadCsv).mockReset();
  });

  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should verify the chain on arrival and say it is intact, with its length and head hash', async () => {
    const { queries } = open(server());
    expect(await screen.findByText('The chain is intact.')).toBeInTheDocument();
    expect(screen.getByText('30 entries verified, from the first to the latest.')).toBeInTheDocument();
    const chain = screen.getByRole('region', { name: 'Integrity of the log' });
    expect(within(chain).getByText(hashOf(30).slice(0, 12))).toBeInTheDocument();
    expect(screen.getByText(/^Last checked: /)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(queries('DeskAuditChainStatus')).toHaveLength(1);
  });

  it('should show a broken chain as an alert naming the first entry that fails', async () => {
    open(server({ chain: [BROKEN] }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The chain is broken at entry 17.');
    expect(alert).toHaveTextContent('Do not rely on the log from entry 17 on');
    expect(screen.queryByText('The chain is intact.')).toBeNull();
  });

  it('should ask the server to verify again on Verify now (never the cache) and show the new result', async () => {
    const user = userEvent.setup();
    const { executeQuery } = open(server({ chain: [VALID, BROKEN] }));
    await screen.findByText('The chain is intact.');
    await user.click(screen.getByRole('button', { name: 'Verify now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The chain is broken at entry 17.');
    const checks = executeQuery.mock.calls.filter(([request]) =>
      request.query.definitions.some(
        (definition) => 'name' in definition && definition.name?.value === 'DeskAuditChainStatus',
      ),
    );
    expect(checks).toHaveLength(2);
    expect(checks.map(([, context]) => (context as { requestPolicy?: string }).requestPolicy)).toEqual([
      'network-only',
      'network-only',
    ]);
  });

  it('should say so when the chain cannot be verified, keeping the last result', async () => {
    const user = userEvent.setup();
    open(server({ chain: [VALID, graphqlError('FORBIDDEN')] }));
    await screen.findByText('The chain is intact.');
    await user.click(screen.getByRole('button', { name: 'Verify now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The chain could not be verified.');
    expect(screen.getByText('The chain is intact.')).toBeInTheDocument();
  });

  it('should show the entries in words, newest first, with names resolved once per page', async () => {
    const { queries } = open(server());
    await waitFor(() => expect(entries()).toHaveLength(AUDIT_PAGE_SIZE));
    const newest = entries()[0];
    expect(within(newest).getByRole('heading', { name: 'Suspended a member' })).toBeInTheDocument();
    expect(newest).toHaveTextContent('Entry 30');
    expect(within(newest).getByRole('link', { name: 'Aigerim Nurlanovna' })).toHaveAttribute(
      'href',
      `/desk/members/${COORDINATOR}`,
    );
    expect(within(newest).getByRole('link', { name: 'Member 30' })).toHaveAttribute(
      'href',
      `/desk/members/${memberId(30)}`,
    );
    expect(newest).toHaveTextContent('Kazakhstan');
    expect(newest).toHaveTextContent('Left the agency (30)');
    expect(within(newest).getByText(hashOf(30).slice(0, 12))).toBeInTheDocument();
    expect(within(newest).getByText(/1 Dec 2026, \d\d:15:30 \(GMT/)).toHaveAttribute(
      'datetime',
      '2026-12-01T09:15:30.000Z',
    );
    // One names request for the page: the coordinator and 25 targets.
    expect(queries('DeskAuditNames')).toHaveLength(1);
    expect(queries('DeskAuditNames')[0].ids).toHaveLength(26);
  });

  it('should page with Show more, fetch only the new names, and move the focus to the first new entry', async () => {
    const user = userEvent.setup();
    const { queries } = open(server());
    await waitFor(() => expect(entries()).toHaveLength(AUDIT_PAGE_SIZE));
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(entries()).toHaveLength(30));
    expect(queries('DeskAuditLog').at(-1)).toMatchObject({ first: AUDIT_PAGE_SIZE, after: '6' });
    expect(queries('DeskAuditNames').at(-1)!.ids).toEqual([5, 4, 3, 2, 1].map(memberId));
    expect(document.activeElement).toBe(within(entries()[AUDIT_PAGE_SIZE]).getByRole('heading'));
    // A member without a profile: their short id, still a link to their page.
    expect(within(entries()[27]).getByRole('link', { name: 'Member 00000000' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByText('That is the whole log.')).toBeInTheDocument();
  });

  it('should filter by action and member through the address, refusing what is not a member id', async () => {
    const user = userEvent.setup();
    const log = [
      entry(3, { action: 'ROLE_CHANGED' }),
      entry(2),
      entry(1, { action: 'MEMBER_APPLIED', actorId: memberId(1) }),
    ];
    const { queries, router } = open(server({ log }));
    await waitFor(() => expect(entries()).toHaveLength(3));

    await user.type(screen.getByRole('textbox', { name: 'Concerning (member id)' }), 'not-an-id');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(screen.getByRole('textbox', { name: 'Concerning (member id)' })).toHaveAccessibleDescription(
      /Enter a member id/,
    );
    expect(queries('DeskAuditLog')).toHaveLength(1);

    await user.clear(screen.getByRole('textbox', { name: 'Concerning (member id)' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Changed a member’s role');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(entries()).toHaveLength(1));
    expect(router.state.location.search).toBe('?action=ROLE_CHANGED');
    expect(queries('DeskAuditLog').at(-1)).toMatchObject({
      filter: { action: 'ROLE_CHANGED', actorId: null, targetId: null },
    });
    expect(
      within(entries()[0]).getByRole('heading', { name: 'Changed a member’s role' }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    await waitFor(() => expect(entries()).toHaveLength(3));
    expect(router.state.location.search).toBe('');
  });

  it('should open filtered from a link to the entries about one member', async () => {
    const { queries } = open(server(), `/desk/audit?target=${memberId(7)}`);
    await waitFor(() => expect(entries()).toHaveLength(1));
    expect(queries('DeskAuditLog')[0]).toMatchObject({ filter: { targetId: memberId(7) } });
    expect(screen.getByRole('textbox', { name: 'Concerning (member id)' })).toHaveValue(memberId(7));
  });

  it('should say when no entry matches', async () => {
    open(server({ log: [] }), '/desk/audit?action=TOTP_ENABLED');
    expect(await screen.findByText('No entries match the filter.')).toBeInTheDocument();
  });

  it('should download the filtered log as CSV and say why when it is refused', async () => {
    const user = userEvent.setup();
    vi.mocked(downloadCsv)
      .mockRejectedValueOnce(new ApiError('FORBIDDEN'))
      .mockResolvedValueOnce({ fileName: 'counterpart-audit-2026-12-02.csv' });
    open(server(), '/desk/audit?action=MEMBER_SUSPENDED');
    await waitFor(() => expect(entries()).toHaveLength(AUDIT_PAGE_SIZE));
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(downloadCsv).toHaveBeenCalledWith('/exports/audit.csv', {
      action: 'MEMBER_SUSPENDED',
      actorId: '',
      targetId: '',
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file could not be downloaded.');
    expect(alert).toHaveTextContent('You are not allowed to do this.');

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('Downloaded counterpart-audit-2026-12-02.csv.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should say the actions in Russian', async () => {
    await i18next.changeLanguage('ru');
    open(server({ log: [entry(1)] }));
    expect(await screen.findByRole('heading', { name: 'Приостановка участия' })).toBeInTheDocument();
    expect(await screen.findByText('Цепочка не нарушена.')).toBeInTheDocument();
    expect(screen.getByText('Проверено 30 записей, от первой до последней.')).toBeInTheDocument();
  });
});
