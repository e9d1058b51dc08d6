import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDesks, kioskRequest, renderDesk, sendRequest } from './desk-harness';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDesks();
});

async function answerAndClose(outcome: string) {
  const card = await screen.findByRole('article');
  await userEvent.click(within(card).getByRole('button', { name: 'An officer is coming now' }));
  await userEvent.click(await within(card).findByRole('button', { name: outcome }));
  await screen.findByText('No kiosk requests are waiting.');
}

describe('the program report', () => {
  it('counts requests by type, language and outcome for the chosen period', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest({ kind: 'help-someone', language: 'vi' }));
    await answerAndClose('Referred');
    await userEvent.click(screen.getByRole('button', { name: 'Reports' }));
    await waitFor(() => expect(document.querySelector('[data-field="report-total"]')?.textContent).toBe('1'));
    const row = (table: string, label: string) =>
      within(screen.getByRole('table', { name: table }))
        .getByRole('rowheader', { name: label })
        .closest('tr')
        ?.querySelector('td')?.textContent;
    expect(row('By type of request', 'Asking help for someone else')).toBe('1');
    expect(row('By type of request', 'Drop-off only (amnesty)')).toBe('0');
    expect(row('By language', 'Vietnamese')).toBe('1');
    expect(row('By outcome', 'Referred')).toBe('1');
    await userEvent.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByRole('button', { name: 'Today' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(document.querySelector('[data-period="day"]')).toBeTruthy());
  });

  it('draws requests per day as a named SVG image, with the same numbers in a table', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest());
    await userEvent.click(screen.getByRole('button', { name: 'Reports' }));
    const chart = await screen.findByRole('img', { name: 'Requests per day' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const report = await desk.api['desk.report']({ period: 'week' });
    expect(chart.querySelectorAll('rect')).toHaveLength(report.perDay.length);
    expect(report.perDay.at(-1)?.count).toBe(1);
    const figure = chart.closest('figure');
    if (!figure) throw new Error('the chart is not in a figure');
    const dataRows = within(figure).getAllByRole('row').slice(1);
    expect(dataRows).toHaveLength(report.perDay.length);
    expect(within(dataRows.at(-1) as HTMLElement).getByRole('cell').textContent).toBe('1');
  });

  it('offers the anonymous CSV as a file download', async () => {
    await renderDesk();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await userEvent.click(screen.getByRole('button', { name: 'Reports' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download as CSV' }));
    expect(await screen.findByText('The CSV file is in your downloads.')).toBeTruthy();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toMatch(/\.csv$/);
    expect(clicked[0]?.href).toBe('blob:test/1');
    expect(blobs[0]?.type).toMatch(/^text\/csv/);
    expect((await blobs[0]?.text())?.length).toBeGreaterThan(0);
  });

  it('says so when the report cannot be loaded', async () => {
    await renderDesk({ api: (api) => ({ ...api, 'desk.report': () => Promise.reject(new Error('down')) }) });
    await userEvent.click(screen.getByRole('button', { name: 'Reports' }));
    expect(await screen.findByText('The report could not be loaded. Please try again.')).toBeTruthy();
  });
});

describe("the console in the officer's language", () => {
  it('switches to Spanish, answers and window title included, and marks the page as Spanish', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest({ language: 'en' }));
    await userEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Consola de la recepción' })).toBeTruthy();
    const card = await screen.findByRole('article');
    expect(within(card).getByRole('button', { name: 'Espere, unos 5 minutos' })).toBeTruthy();
    expect(within(card).getByText('inglés')).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');
    await waitFor(() => expect(document.title).toBe('Consola de la recepción — Front desk'));
  });
});
