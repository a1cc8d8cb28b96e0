import { expect, fixture, html } from '@open-wc/testing';
import { ScheduleEditor } from '../index.ts';

ScheduleEditor.define();

const color = (el: Element) => getComputedStyle(el).color;
const background = (el: Element) => getComputedStyle(el).backgroundColor;

describe('theming', () => {
  it('keeps the host page’s styles out and its own in', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          input,
          legend {
            color: rgb(255, 0, 0) !important;
            background: rgb(0, 255, 0) !important;
          }
        </style>
        <input id="host-input" />
        <cs-schedule-editor></cs-schedule-editor>
      </div>`,
    );
    const editor = wrapper.querySelector<ScheduleEditor>('cs-schedule-editor')!;
    const inner = editor.shadowRoot!.querySelector('input')!;
    expect(color(inner)).not.to.equal('rgb(255, 0, 0)');
    expect(background(inner)).not.to.equal('rgb(0, 255, 0)');
    // The element's own rules do not reach the page either.
    expect(color(wrapper.querySelector('#host-input')!)).to.equal('rgb(255, 0, 0)');
  });

  it('takes colours from --cs-* custom properties, and switches light and dark', async () => {
    const editor = await fixture<ScheduleEditor>(
      html`<cs-schedule-editor
        style="--cs-color-text: rgb(1, 2, 3); --cs-color-surface: rgb(4, 5, 6)"
      ></cs-schedule-editor>`,
    );
    const input = editor.shadowRoot!.querySelector('input')!;
    expect(color(editor)).to.equal('rgb(1, 2, 3)');
    expect(background(input)).to.equal('rgb(4, 5, 6)');

    const plain = await fixture<ScheduleEditor>(html`<cs-schedule-editor></cs-schedule-editor>`);
    const light = color(plain);
    plain.setAttribute('theme', 'dark');
    const dark = color(plain);
    expect(light).to.equal('rgb(29, 36, 51)');
    expect(dark).to.equal('rgb(230, 233, 239)');
    // The page's colour scheme is followed when no theme is set.
    plain.removeAttribute('theme');
    document.documentElement.style.colorScheme = 'dark';
    try {
      expect(color(plain)).to.equal(dark);
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });

  it('exposes parts for the host to style', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed::part(fieldset) {
            border-color: rgb(9, 8, 7);
          }
        </style>
        <cs-schedule-editor class="themed"></cs-schedule-editor>
      </div>`,
    );
    const fieldset = wrapper
      .querySelector('cs-schedule-editor')!
      .shadowRoot!.querySelector('fieldset')!;
    expect(getComputedStyle(fieldset).borderTopColor).to.equal('rgb(9, 8, 7)');
  });
});
