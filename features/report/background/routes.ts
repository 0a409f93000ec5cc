import type { ReportMessages } from '../protocol';
import type { ScreenshotReply } from '../screenshot-text';
import type { ReportOutbox } from './outbox';
import { submitReport, toReportListItem } from './service';
import { type ReportDraft, type ReportEnvironment } from '../create';
import type { PolicyView } from '../../../app/policy/policy';
import type { AcceptedSender, RouteTable } from '../../../lib/messaging/router';

/** What the report routes need from the background. */
export interface ReportServices {
  outbox: ReportOutbox;
  /** Delivers what is due now and sets the next alarm (features/report/background/alarm.ts). */
  deliver(): void;
  /** Context for a report about a tab (null: from the popup with no tab). */
  environment(
    tabId: number | null,
    from: {
      page: { url: string; title: string } | null;
      frame: { top: boolean; url: string } | null;
    },
  ): Promise<ReportEnvironment>;
  /** Masks personal data in the tab, captures its visible area, removes the masks. */
  captureScreenshot(tabId: number): Promise<ScreenshotReply>;
  readPolicy(): Promise<PolicyView>;
  now(): number;
}

/** Problem reporting: submit, screenshot, list, resend, export, delete. */
export function createReportRoutes(services: ReportServices): RouteTable<ReportMessages> {
  const { outbox } = services;
  const listItems = async (limit: number) => {
    const { policy } = await services.readPolicy();
    const records = await outbox.list({ limit });
    const now = services.now();
    return records.map((record) =>
      toReportListItem(record, now, { endpointConfigured: policy.reportEndpoint !== null }),
    );
  };
  const submit = async (draft: ReportDraft, environment: ReportEnvironment) => {
    const reply = await submitReport(outbox, draft, environment, { now: services.now() });
    services.deliver();
    return reply;
  };
  return {
    'content:submitReport': {
      from: ['content'],
      async handle(data, sender: AcceptedSender) {
        const tabId = sender.kind === 'content' ? sender.tabId : null;
        const environment = await services.environment(tabId, {
          page: { url: data.url, title: data.title },
          frame: { top: data.topFrame, url: data.url },
        });
        return submit({ category: data.category, description: data.description }, environment);
      },
    },
    'page:submitReport': {
      from: ['extension-page'],
      async handle(data) {
        const environment = await services.environment(data.tabId, { page: null, frame: null });
        return submit(
          {
            category: data.category,
            description: data.description,
            ...(data.screenshot ? { screenshot: data.screenshot } : {}),
          },
          environment,
        );
      },
    },
    'page:captureScreenshot': {
      from: ['extension-page'],
      handle: ({ tabId }) => services.captureScreenshot(tabId),
    },
    'page:listReports': { from: ['extension-page'], handle: ({ limit }) => listItems(limit) },
    'page:retryReports': {
      from: ['extension-page'],
      async handle({ ids }) {
        await outbox.retry(ids, services.now());
        services.deliver();
        return listItems(50);
      },
    },
    'page:exportReports': {
      from: ['extension-page'],
      handle: ({ ids }) => outbox.exportReports(ids, services.now()),
    },
    'page:deleteReports': {
      from: ['extension-page'],
      async handle({ ids }) {
        await outbox.remove(ids);
      },
    },
  };
}
