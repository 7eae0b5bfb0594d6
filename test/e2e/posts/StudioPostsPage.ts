// Page object for the studio's Posts tab: the list of posts with their states, and what a creator
// does there (schedule one, answer a missed schedule), in roles and labels.
import type { Locator, Page } from 'playwright-core';

export class StudioPostsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studio' }).click();
    await this.page.getByRole('tablist', { name: 'Studio' }).getByRole('tab', { name: 'Posts' }).click();
  }

  /** The list entry of the post whose caption starts with `caption`. */
  post(caption: string): Locator {
    return this.page.getByRole('region', { name: 'Posts' }).getByRole('listitem', { name: `Post: ${caption}` });
  }

  state(caption: string): Locator {
    return this.post(caption).getByRole('status', { name: 'Post state' });
  }

  permalink(caption: string): Locator {
    return this.state(caption).getByRole('link');
  }

  missedBanner(): Locator {
    return this.page.getByRole('region', { name: 'Posts' }).getByRole('alert').first();
  }

  /** Schedules the post at a local time "YYYY-MM-DDTHH:MM" typed into its time field. */
  async schedule(caption: string, localTime: string): Promise<void> {
    const entry = this.post(caption);
    await entry.getByLabel('Publish at').fill(localTime);
    await entry.getByRole('button', { name: 'Schedule', exact: true }).click();
  }

  async unschedule(caption: string): Promise<void> {
    await this.post(caption).getByRole('button', { name: 'Unschedule' }).click();
  }

  async answerMissed(caption: string, choice: 'Publish now' | 'Pick a new time' | 'Back to draft'): Promise<void> {
    await this.post(caption).getByRole('group', { name: 'Missed schedule' }).getByRole('button', { name: choice }).click();
  }
}
