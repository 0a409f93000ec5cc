import { writeFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { startReportReceiver, type ReportReceiver } from '../support/report-receiver';
import { expect, test, UNRELATED_HOST } from './fixtures';
import { chooseRole } from './support/learner';
import { sendFromExtensionPage } from './support/messages';

/** Mean brightness (0–255) of the screenshot inside `locator`'s box (decoded in the extension page). */
async function brightnessUnder(
  extensionPage: Page,
  dataUrl: string,
  locator: Locator,
): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box');
  return extensionPage.evaluate(
    async ({ dataUrl, box }) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) return -1;
      context.drawImage(image, 0, 0);
      const inset = 3;
      const data = context.getImageData(
        box.x + inset,
        box.y + inset,
        box.width - 2 * inset,
        box.height - 2 * inset,
      ).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4)
        sum += ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
      return sum / (data.length / 4);
    },
    { dataUrl, box },
  );
}

function save(dataUrl: string, name: string) {
  writeFileSync(`/tmp/${name}.jpg`, Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
}

test.describe('report screenshots cover personal data before the capture', () => {
  test.beforeEach(async ({ openExtensionPage }) => {
    await chooseRole(openExtensionPage);
  });

  test('the password on the sim login page is covered, the account name is not', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/login.html');
    await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
    await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
    const tabId = await tabIdOf(page);
    const extension = await openExtensionPage('options.html');
    const shot = await sendFromExtensionPage(extension, 'page:captureScreenshot', { tabId });
    if (!shot.ok) throw new Error(shot.reason);
    save(shot.dataUrl, 'screenshot-login');
    expect(shot.masked).toBeGreaterThanOrEqual(1);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByRole('textbox', { name: '密码' })),
    ).toBeLessThan(80);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByRole('textbox', { name: '账号' })),
    ).toBeGreaterThan(150);
    // The covers are gone from the page afterwards.
    await expect(page.locator('[data-zhiyin-mask]')).toHaveCount(0);
  });

  test('ID card and phone numbers typed into the business-licence form are covered', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto(`/login.html?redirect=${encodeURIComponent('service.html#/apply')}`);
    await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
    await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/service\.html/);
    await page.getByLabel('已核对申请人身份证件原件，人证一致').check();
    await page.getByRole('button', { name: '接收申请' }).click();
    for (const material of ['申请书', '法定代表人身份证明', '住所使用证明', '公司章程']) {
      await page.getByLabel(material).check();
    }
    await page.getByRole('button', { name: '系统校验材料' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('企业名称').fill('河西博远科技有限公司');
    await page.getByLabel('法人身份证号').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13812345678');

    const tabId = await tabIdOf(page);
    const extension = await openExtensionPage('options.html');
    const shot = await sendFromExtensionPage(extension, 'page:captureScreenshot', { tabId });
    if (!shot.ok) throw new Error(shot.reason);
    save(shot.dataUrl, 'screenshot-application');
    expect(shot.masked).toBeGreaterThanOrEqual(2);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByLabel('法人身份证号')),
    ).toBeLessThan(80);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByLabel('联系电话')),
    ).toBeLessThan(80);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByLabel('企业名称')),
    ).toBeGreaterThan(150);
  });

  test('no screenshot where Zhiyin does not run (nothing could be covered there)', async ({
    context,
    openExtensionPage,
    tabIdOf,
    baseURL,
  }) => {
    const port = new URL(baseURL ?? 'http://127.0.0.1:4173').port;
    const page = await context.newPage();
    await page.goto(`http://${UNRELATED_HOST}:${port}/login.html`);
    const extension = await openExtensionPage('options.html');
    const shot = await sendFromExtensionPage(extension, 'page:captureScreenshot', {
      tabId: await tabIdOf(page),
    });
    expect(shot).toEqual({
      ok: false,
      code: 'notRunning',
      reason: '指引未在该页面运行，无法遮盖个人信息，因此不截图。',
    });
  });
});

/** A box in the top viewport (CSS px) where a value from the page is shown. */
interface ValueBox {
  value: string;
  rects: { x: number; y: number; width: number; height: number }[];
}

/**
 * Where the test page shows each value a screenshot must cover (`data-pii` elements in the page,
 * in open shadow roots and in same-origin frames; `data-pii-field` form fields) and the text that
 * must stay readable (`data-clean`), measured by the test itself in the page's own layout: the
 * extension's finder is what is under test, so its regions are not used to decide what to check.
 */
async function valueBoxes(page: Page): Promise<{ personal: ValueBox[]; clean: ValueBox[] }> {
  return page.evaluate(() => {
    const personal: ValueBox[] = [];
    const clean: ValueBox[] = [];
    const toTop = (rect: DOMRect, offset: { x: number; y: number }) => ({
      x: rect.x + offset.x,
      y: rect.y + offset.y,
      width: rect.width,
      height: rect.height,
    });
    const visit = (root: Document | ShadowRoot, offset: { x: number; y: number }) => {
      for (const element of root.querySelectorAll('[data-pii]')) {
        const range = document.createRange();
        range.selectNodeContents(element);
        personal.push({
          value: element.getAttribute('data-pii') ?? '',
          rects: [...range.getClientRects()]
            .filter((rect) => rect.width > 0 && rect.height > 0)
            .map((rect) => toTop(rect, offset)),
        });
      }
      for (const element of root.querySelectorAll('[data-pii-field]')) {
        personal.push({
          value: element.getAttribute('data-pii-field') ?? '',
          rects: [toTop(element.getBoundingClientRect(), offset)],
        });
      }
      for (const element of root.querySelectorAll('[data-clean]')) {
        const range = document.createRange();
        range.selectNodeContents(element);
        clean.push({
          value: element.textContent ?? '',
          rects: [toTop(range.getBoundingClientRect(), offset)],
        });
      }
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot, offset);
      }
      for (const frame of root.querySelectorAll('iframe')) {
        const inner = frame.contentDocument;
        if (!inner) continue;
        const rect = frame.getBoundingClientRect();
        const style = getComputedStyle(frame);
        visit(inner, {
          x: offset.x + rect.x + frame.clientLeft + parseFloat(style.paddingLeft),
          y: offset.y + rect.y + frame.clientTop + parseFloat(style.paddingTop),
        });
      }
    };
    visit(document, { x: 0, y: 0 });
    return { personal, clean };
  });
}

/**
 * For each box (CSS px of a page whose viewport is `viewportWidth` wide): the brightest pixel
 * (mean of R, G, B) of the screenshot inside it (1 px inset, for anti-aliased box edges) and its
 * mean brightness, decoded in an extension page. A box outside the image is an error, never
 * "dark".
 */
async function brightnessIn(
  extensionPage: Page,
  dataUrl: string,
  viewportWidth: number,
  boxes: ValueBox['rects'],
): Promise<{ brightest: number; mean: number }[]> {
  return extensionPage.evaluate(
    async ({ dataUrl, viewportWidth, boxes }) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const scale = image.width / viewportWidth;
      return boxes.map((box) => {
        const x = Math.ceil((box.x + 1) * scale);
        const y = Math.ceil((box.y + 1) * scale);
        const width = Math.max(1, Math.floor((box.width - 2) * scale));
        const height = Math.max(1, Math.floor((box.height - 2) * scale));
        if (x < 0 || y < 0 || x + width > image.width || y + height > image.height) {
          throw new Error(`box ${JSON.stringify(box)} is outside the ${image.width} px image`);
        }
        const data = context.getImageData(x, y, width, height).data;
        let brightest = 0;
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) {
          const value = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
          sum += value;
          if (value > brightest) brightest = value;
        }
        return { brightest, mean: sum / (data.length / 4) };
      });
    },
    { dataUrl, viewportWidth, boxes },
  );
}

/** Opens the toolbar popup's page in a window of its own, so the reported tab stays active. */
async function openPopupWindow(
  serviceWorker: Worker,
  context: BrowserContext,
  tabId: number,
): Promise<Page> {
  const opened = context.waitForEvent('page', (page) => page.url().includes('popup.html'));
  await serviceWorker.evaluate(async (tabId) => {
    const { chrome } = globalThis as unknown as {
      chrome: { windows: { create(options: object): Promise<unknown> } };
    };
    await chrome.windows.create({
      url: `popup.html?tabId=${tabId}`,
      type: 'popup',
      width: 420,
      height: 700,
    });
  }, tabId);
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

/** Sets the report endpoint on the options page, as an administrator does. */
async function configureEndpoint(
  openExtensionPage: (path: string) => Promise<Page>,
  receiver: ReportReceiver,
) {
  const options = await openExtensionPage('options.html');
  const admin = options.getByRole('region', { name: '管理员设置' });
  await admin.getByLabel('报告接收地址（HTTPS）').fill(receiver.url);
  await admin.getByLabel('访问令牌').fill(receiver.token);
  await admin.getByRole('button', { name: '保存管理员设置' }).click();
  await expect(admin.getByTestId('admin-current')).toContainText(receiver.url);
  await options.close();
}

/** The value as written, and its digits alone (how it could leak with separators dropped). */
function leakForms(value: string): string[] {
  const halfWidth = value.replace(/[\uff01-\uff5e]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
  const digits = halfWidth.replace(/[^0-9Xx]/g, '');
  return [value, halfWidth, ...(digits.length >= 6 ? [digits] : [])];
}

test.describe('report screenshots from the active tab (the popup opened on the page to report)', () => {
  let receiver: ReportReceiver | undefined;
  test.afterEach(async () => {
    await receiver?.stop();
    receiver = undefined;
  });

  test('every format is covered in 20 of 20 reports, and no value reaches the receiver', async ({
    context,
    serviceWorker,
    openExtensionPage,
    tabIdOf,
  }) => {
    test.setTimeout(120_000);
    await chooseRole(openExtensionPage);
    receiver = await startReportReceiver({ token: 'e2e-token' });
    await configureEndpoint(openExtensionPage, receiver);

    const page = await context.newPage();
    await page.goto('/__e2e/personal-data.html');
    await expect(page.frameLocator('#detail-frame').getByText('材料清单（框架内）')).toBeVisible();
    await page.locator('#field-mobile').fill('136 0000 1111');
    await page.locator('#field-note').fill('请核对 320106197811042635 的材料');
    const boxes = await valueBoxes(page);
    const viewportWidth = await page.evaluate(() => innerWidth);
    // The page shows what the test expects to check: 9 formats + shadow root + frame + fields.
    expect(boxes.personal.map((box) => box.value).sort()).toEqual(
      [
        '110101199003074514',
        '138-0013-8000',
        '139 1234 5678',
        '+86 137 0000 1234',
        'zhang.san@example.gov.cn',
        '6222 0212 3456 7890 128',
        '１３９０５１７２２６８',
        '440305198506123419',
        '186 0000 0001',
        '510107199202153875',
        'wang.wu@example.com',
        '11010519491231002X',
        '15800002222',
        '13600001111',
        '320106197811042635',
      ].sort(),
    );
    for (const box of boxes.personal) expect(box.rects.length, box.value).toBeGreaterThan(0);
    // The narrow box wraps its phone number over lines: one cover per line.
    expect(boxes.personal.find((box) => box.value === '186 0000 0001')?.rects.length).toBe(2);
    const tabId = await tabIdOf(page);

    const popup = await openPopupWindow(serviceWorker, context, tabId);
    await popup.getByRole('tab', { name: '报告问题' }).click();
    const shot = popup.getByTestId('report-screenshot');
    const allRects = boxes.personal.flatMap((box) => box.rects.map((rect) => ({ box, rect })));
    const cleanRects = boxes.clean.flatMap((box) => box.rects);
    const runs = 20;
    for (let run = 0; run < runs; run++) {
      // The normal flow: the reported tab is the active tab of its window, nothing switches it.
      expect(
        await serviceWorker.evaluate(async (tabId) => {
          const { chrome } = globalThis as unknown as {
            chrome: { tabs: { get(id: number): Promise<{ active: boolean }> } };
          };
          return (await chrome.tabs.get(tabId)).active;
        }, tabId),
      ).toBe(true);
      await popup.getByLabel('问题描述').fill(`第 ${run + 1} 次：办件详情页的材料打不开`);
      await shot.getByRole('button', { name: /附带本页截图/ }).click();
      await expect(shot.getByRole('img', { name: '将随报告发送的页面截图' })).toBeVisible();
      await popup.getByRole('button', { name: '提交报告' }).click();
      await expect.poll(() => receiver?.stored.size).toBe(run + 1);
    }

    const reports = [...receiver.stored.values()];
    expect(reports).toHaveLength(runs);
    let covered = 0;
    for (const [index, report] of reports.entries()) {
      const dataUrl = report.screenshot?.dataUrl;
      if (!dataUrl) throw new Error(`report ${index + 1} has no screenshot`);
      if (index === 0) save(dataUrl, 'screenshot-personal-data');
      const personal = await brightnessIn(
        popup,
        dataUrl,
        viewportWidth,
        allRects.map(({ rect }) => rect),
      );
      personal.forEach((pixels, at) => {
        // Covers are #2b2f36 (brightness 48); JPEG ringing at their edges stays far below text
        // on a white page (255).
        expect(pixels.brightest, `${allRects[at]?.box.value} in report ${index + 1}`).toBeLessThan(
          110,
        );
      });
      const readable = await brightnessIn(popup, dataUrl, viewportWidth, cleanRects);
      readable.forEach((pixels, at) => {
        expect(pixels.mean, `${boxes.clean[at]?.value} stays readable`).toBeGreaterThan(150);
      });
      // One region per value at least (a wrapped value has one per line; touching boxes merge).
      expect(report.screenshot?.maskedRegions).toBeGreaterThanOrEqual(boxes.personal.length);
      covered += 1;

      // Nothing else in the report carries a value (the image is checked by its pixels above).
      const text = JSON.stringify({ ...report, screenshot: { ...report.screenshot, dataUrl: '' } });
      for (const box of boxes.personal) {
        for (const form of leakForms(box.value)) expect(text).not.toContain(form);
      }
    }
    expect(covered).toBe(runs);
    await popup.close();
  });

  test('at 150 % browser zoom the covers still land on the values (image px are not CSS px)', async ({
    context,
    serviceWorker,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await page.goto('/__e2e/personal-data.html');
    await expect(page.frameLocator('#detail-frame').getByText('材料清单（框架内）')).toBeVisible();
    await page.locator('#field-mobile').fill('136 0000 1111');
    await page.locator('#field-note').fill('请核对 320106197811042635 的材料');
    const tabId = await tabIdOf(page);
    await serviceWorker.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { setZoom(id: number, factor: number): Promise<void> } };
      };
      await chrome.tabs.setZoom(tabId, 1.5);
    }, tabId);
    await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(1.5);
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    const boxes = await valueBoxes(page);
    // What is wholly inside the (now smaller) viewport is what the image shows.
    const inside = (rect: ValueBox['rects'][number]) =>
      rect.x >= 0 &&
      rect.y >= 0 &&
      rect.x + rect.width <= viewport.width &&
      rect.y + rect.height <= viewport.height;
    const shown = boxes.personal.flatMap((box) =>
      box.rects.filter(inside).map((rect) => ({ value: box.value, rect })),
    );
    expect(new Set(shown.map((entry) => entry.value)).size).toBeGreaterThanOrEqual(10);

    const popup = await openPopupWindow(serviceWorker, context, tabId);
    for (let run = 0; run < 3; run++) {
      const shot = await sendFromExtensionPage(popup, 'page:captureScreenshot', { tabId });
      if (!shot.ok) throw new Error(shot.reason);
      if (run === 0) save(shot.dataUrl, 'screenshot-personal-data-zoom');
      const pixels = await brightnessIn(
        popup,
        shot.dataUrl,
        viewport.width,
        shown.map((entry) => entry.rect),
      );
      pixels.forEach((measured, at) => {
        expect(measured.brightest, `${shown[at]?.value} at 150 %`).toBeLessThan(110);
      });
      const readable = await brightnessIn(
        popup,
        shot.dataUrl,
        viewport.width,
        boxes.clean.flatMap((box) => box.rects).filter(inside),
      );
      for (const measured of readable) expect(measured.mean).toBeGreaterThan(150);
    }
    await popup.close();
  });

  test('a 200-row table: every visible value is found, and the time it takes is printed', async ({
    context,
    serviceWorker,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await page.goto('/__e2e/big-table.html');
    await expect(page.locator('#rows tr')).toHaveCount(200);
    const tabId = await tabIdOf(page);
    /** Asks the page's content script as the background does; the round trip in ms. */
    const ask = (type: 'bg:maskSensitive' | 'bg:unmaskSensitive') =>
      serviceWorker.evaluate(
        async ({ tabId, type }) => {
          const { chrome } = globalThis as unknown as {
            chrome: {
              tabs: {
                sendMessage(id: number, message: unknown, options: object): Promise<unknown>;
              };
            };
          };
          const started = performance.now();
          const reply = (await chrome.tabs.sendMessage(
            tabId,
            { id: Date.now(), type, timestamp: Date.now() },
            { frameId: 0 },
          )) as { res?: { regions: unknown[] } | null };
          return { ms: performance.now() - started, regions: reply.res?.regions.length ?? -1 };
        },
        { tabId, type },
      );
    // ID and mobile cells that show in the viewport, counted by the test in the page's layout.
    const visible = await page.evaluate(
      () =>
        [...document.querySelectorAll('#rows td:nth-child(3), #rows td:nth-child(4)')].filter(
          (cell) => {
            const rect = cell.getBoundingClientRect();
            return rect.bottom > 0 && rect.top < innerHeight;
          },
        ).length,
    );
    expect(visible).toBeGreaterThan(20);
    const first = await ask('bg:maskSensitive');
    expect(first.regions).toBe(visible);
    const measured: number[] = [];
    for (let run = 0; run < 5; run++) {
      const again = await ask('bg:unmaskSensitive');
      expect(again.regions).toBe(visible);
      measured.push(again.ms);
    }
    measured.sort((a, b) => a - b);
    console.log(
      `[screenshot] 200-row table (400 values, ${visible} in view): first measurement ` +
        `(loads the overlay) ${first.ms.toFixed(0)} ms, then median ${measured[2]?.toFixed(1)} ms`,
    );
  });

  test('a page that moves under the capture gives no screenshot, with the reason', async ({
    context,
    serviceWorker,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await page.goto('/__e2e/personal-data.html');
    await expect(page.locator('citizen-card')).toBeVisible();
    // The page scrolls by itself (a ticker, an auto-scrolling log): it never stands still.
    await page.evaluate(() => {
      document.body.style.minHeight = '5000px';
      let y = 0;
      setInterval(() => {
        y = (y + 3) % 2000;
        window.scrollTo(0, y);
      }, 8);
    });
    const tabId = await tabIdOf(page);
    const popup = await openPopupWindow(serviceWorker, context, tabId);
    await popup.getByRole('tab', { name: '报告问题' }).click();
    const shot = popup.getByTestId('report-screenshot');
    await shot.getByRole('button', { name: /附带本页截图/ }).click();
    await expect(shot.getByRole('alert')).toHaveText(
      '截图时页面发生变化（滚动或内容更新），为保护个人信息未附截图。请等页面静止后再试。',
    );
    await expect(shot.getByRole('img')).toHaveCount(0);
    // Asked directly too: never an image, whatever the timing.
    for (let attempt = 0; attempt < 3; attempt++) {
      const reply = await sendFromExtensionPage(popup, 'page:captureScreenshot', { tabId });
      expect(reply.ok).toBe(false);
    }
    // The page's own covers are taken off again.
    await expect(page.locator('zhiyin-overlay [data-zhiyin-mask]')).toHaveCount(0);
    await popup.close();
  });
});
