// Page object for the compliance room on the Audit page: what compliance staff do (create an audit,
// add creators and brands, import and scan posts, review, request remediation, export, verify), in
// roles and labels.
import type { Download, Locator, Page } from 'playwright-core';

export class CompliancePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit' }).click();
  }

  get room(): Locator {
    return this.page.getByRole('region', { name: 'Compliance' });
  }

  async createAudit(name: string, jurisdiction: string, from: string, to: string): Promise<void> {
    const form = this.room.getByRole('form', { name: 'New audit' });
    await form.getByLabel('Audit name').fill(name);
    await form.getByRole('combobox', { name: 'Jurisdiction' }).selectOption({ label: jurisdiction });
    await form.getByLabel('Period from').fill(from);
    await form.getByLabel('Period to').fill(to);
    await form.getByRole('button', { name: 'Create audit' }).click();
  }

  /** The audit chosen in the picker. */
  selectedAudit(): Locator {
    return this.room.getByRole('combobox', { name: 'Audit', exact: true }).getByRole('option', { selected: true });
  }

  async addCreator(platform: string, handle: string): Promise<void> {
    const form = this.room.getByRole('form', { name: 'Add creator' });
    await form.getByRole('combobox', { name: 'Platform' }).selectOption(platform);
    await form.getByLabel('Creator handle').fill(handle);
    await form.getByRole('button', { name: 'Add creator' }).click();
  }

  /** A creator whose posts are read through a connected account, with their id on the platform. */
  async addCreatorVia(platform: string, handle: string, account: string, remoteUserId: string): Promise<void> {
    const form = this.room.getByRole('form', { name: 'Add creator' });
    await form.getByRole('combobox', { name: 'Platform' }).selectOption(platform);
    await form.getByLabel('Creator handle').fill(handle);
    await form.getByRole('combobox', { name: 'Connected account' }).selectOption({ label: account });
    await form.getByLabel('Creator id on the platform').fill(remoteUserId);
    await form.getByRole('button', { name: 'Add creator' }).click();
  }

  async syncPosts(): Promise<void> {
    await this.room.getByRole('button', { name: 'Sync creators’ posts' }).click();
  }

  syncSummary(): Locator {
    return this.room.getByRole('region', { name: 'Post sync report' }).getByRole('status');
  }

  creators(): Locator {
    return this.room.getByRole('list', { name: 'Creators under audit' }).getByRole('listitem');
  }

  async addBrand(brand: { name: string; handles: string; codes: string; affiliates: string }): Promise<void> {
    const form = this.room.getByRole('form', { name: 'Add brand' });
    await form.getByLabel('Brand name').fill(brand.name);
    await form.getByLabel('Brand handles').fill(brand.handles);
    await form.getByLabel('Discount codes').fill(brand.codes);
    await form.getByLabel('Affiliate ids').fill(brand.affiliates);
    await form.getByRole('button', { name: 'Add brand' }).click();
  }

  brands(): Locator {
    return this.room.getByRole('list', { name: 'Brands under audit' }).getByRole('listitem');
  }

  async importPosts(path: string): Promise<void> {
    await this.room.getByLabel('Import posts (JSON or CSV)').setInputFiles(path);
  }

  importSummary(): Locator {
    return this.room.getByRole('region', { name: 'Post import report' }).getByRole('status');
  }

  async scan(): Promise<void> {
    await this.room.getByRole('button', { name: 'Scan', exact: true }).click();
  }

  scanResult(): Locator {
    return this.room.getByRole('status', { name: 'Scan result' });
  }

  queuedPosts(): Locator {
    return this.room.getByRole('list', { name: 'Posts to review' }).getByRole('article');
  }

  post(remoteId: string): ReviewCardObject {
    return new ReviewCardObject(this.room.getByRole('article', { name: new RegExp(`^Post ${remoteId} by `) }));
  }

  dashboardTable(name: string): Locator {
    return this.room.getByRole('table', { name });
  }

  worstOffenders(): Locator {
    return this.room.getByRole('list', { name: 'Worst offenders' }).getByRole('listitem');
  }

  /** Clicks Export CSV/HTML/PDF and returns the browser's download. */
  async exportReport(format: 'CSV' | 'HTML' | 'PDF'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.room.getByRole('button', { name: `Export ${format}` }).click()]);
    return download;
  }

  async verifySnapshots(): Promise<void> {
    await this.room.getByRole('button', { name: 'Verify snapshots' }).click();
  }

  snapshotProblems(): Locator {
    return this.room.getByRole('list', { name: 'Snapshot problems' }).getByRole('listitem');
  }

  chart(name: string): Locator {
    return this.room.getByRole('figure', { name });
  }

  snapshotStatus(): Locator {
    return this.room.getByRole('region', { name: 'Snapshot check' }).getByRole('status');
  }
}

export class ReviewCardObject {
  constructor(readonly card: Locator) {}

  caption(): Locator {
    return this.card.getByLabel('Caption');
  }

  /** The caption's highlighted words, found by what each mark's title says it is evidence of. */
  marks(kind: 'Commercial evidence' | 'Disclosure'): Locator {
    return this.caption().getByTitle(new RegExp(`(^|; )${kind}: `));
  }

  evidence(): Locator {
    return this.card.getByRole('list', { name: 'Evidence' }).getByRole('listitem');
  }

  decidingRule(): Locator {
    return this.card.getByLabel('Deciding rule');
  }

  async review(verdict: 'compliant' | 'needs review' | 'non-compliant', reason: string): Promise<void> {
    const group = this.card.getByRole('group', { name: 'Verdict' });
    await group.getByLabel('Reason').fill(reason);
    await group.getByRole('button', { name: `Mark ${verdict}` }).click();
  }

  reviewerVerdict(): Locator {
    return this.card.getByRole('status', { name: 'Reviewer verdict' });
  }

  async requestRemediation(what: string, dueBy: string): Promise<void> {
    const form = this.card.getByRole('form', { name: 'Request remediation' });
    await form.getByLabel('What to fix').fill(what);
    await form.getByLabel('Fix by').fill(dueBy);
    await form.getByRole('button', { name: 'Request remediation' }).click();
  }

  remediations(): Locator {
    return this.card.getByRole('list', { name: 'Remediation requests' }).getByRole('listitem');
  }
}
