// Editor widgets and previews the kit adds to Decap CMS. THIS FILE RUNS IN THE BROWSER, inside /admin/cms.js.
// Decap exposes React's `h` (createElement) and `createClass` on window for exactly this.

import { componentsAsText } from './components.ts';

type Element = unknown;
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => Element;
interface FieldMap {
  get(key: string): unknown;
}
interface ControlProps {
  value: unknown;
  onChange(value: unknown): void;
  forID: string;
  classNameWrapper: string;
  field: FieldMap;
}
interface Control {
  props: ControlProps;
  state: { text: string };
  setState(state: { text: string }): void;
}
declare global {
  interface Window {
    h?: H;
    createClass?: (spec: Record<string, unknown>) => unknown;
  }
}

/** Plain data from the editor's value (an Immutable list, or already plain). */
function plain(value: unknown): unknown {
  return value && typeof (value as { toJS?: unknown }).toJS === 'function' ? (value as { toJS(): unknown }).toJS() : value;
}

const split = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);

/**
 * "national", or a list of places (a service's area): a tick box for the word, else the places
 * typed with commas between them. The words typed are kept as typed until the box loses focus.
 */
export function choiceOrListWidget(h: H, createClass: NonNullable<Window['createClass']>): unknown {
  return createClass({
    getInitialState(this: Control) {
      const value = plain(this.props.value);
      return { text: Array.isArray(value) ? value.join(', ') : '' };
    },
    render(this: Control) {
      const { onChange, forID, classNameWrapper, field } = this.props;
      const literal = String(field.get('literal'));
      const isLiteral = plain(this.props.value) === literal;
      return h(
        'div',
        { className: classNameWrapper },
        h(
          'label',
          { style: { display: 'block', marginBottom: '8px' } },
          h('input', { type: 'checkbox', checked: isLiteral, onChange: (e: { target: HTMLInputElement }) => onChange(e.target.checked ? literal : split(this.state.text)) }),
          ` ${String(field.get('literal_label'))}`,
        ),
        isLiteral
          ? null
          : h('input', {
              id: forID,
              type: 'text',
              'aria-describedby': `${forID}-places`,
              value: this.state.text,
              style: { width: '100%' },
              onChange: (e: { target: HTMLInputElement }) => {
                this.setState({ text: e.target.value });
                onChange(split(e.target.value));
              },
            }),
        isLiteral ? null : h('p', { id: `${forID}-places`, style: { margin: '4px 0 0', fontSize: '13px' } }, 'Places, with a comma between each: Riverbridge, Eastbrook'),
      );
    },
  });
}

interface PreviewProps {
  entry: { getIn(path: string[]): unknown };
  widgetFor(name: string): unknown;
}

/** The body's preview, with components shown as words (see componentsAsText). */
function bodyPreview(h: H, widgetFor: PreviewProps['widgetFor']): unknown {
  const element = widgetFor('body') as { type: string; props: { value?: unknown } } | null;
  if (!element || typeof element.props?.value !== 'string') return element;
  return h(element.type, { ...element.props, value: componentsAsText(element.props.value) });
}

/** A page's preview: its heading, its lead line if it has one, and its text. */
export function pagePreview(h: H, createClass: NonNullable<Window['createClass']>): unknown {
  return createClass({
    render(this: { props: PreviewProps }) {
      const { entry, widgetFor } = this.props;
      const value = (name: string) => String(plain(entry.getIn(['data', name])) ?? '');
      return h('main', { className: 'mx-auto max-w-(--container-page) px-4 py-8' },
        h('h1', { className: 'mb-4 text-xl font-bold' }, value('title') || value('name')),
        value('description') ? h('p', { className: 'mb-8 text-lg' }, value('description')) : null,
        h('div', { className: 'prose' }, bodyPreview(h, widgetFor)));
    },
  });
}

/**
 * The editor's preview of a campaign: what the page will say, and when it becomes public, so an
 * editor sees a campaign before its first day without the live site showing it to anyone.
 */
export function campaignPreview(h: H, createClass: NonNullable<Window['createClass']>, status: (start: string, end: string | undefined) => string): unknown {
  return createClass({
    render(this: { props: PreviewProps }) {
      const { entry, widgetFor } = this.props;
      const text = (name: string) => {
        const value = plain(entry.getIn(['data', name]));
        return typeof value === 'string' ? value : '';
      };
      const links = plain(entry.getIn(['data', 'shortLinks']));
      return h(
        'main',
        { className: 'mx-auto max-w-(--container-page) px-4 py-8' },
        h('p', { className: 'mb-6 border-s-4 border-brand bg-surface p-4' }, h('strong', null, status(text('start'), text('end') || undefined))),
        h('h1', { className: 'mb-4 text-xl font-bold' }, text('title')),
        h('p', { className: 'mb-8 text-lg' }, text('tagline')),
        h('div', { className: 'prose' },
          bodyPreview(h, widgetFor),
          h('h2', null, 'Share this campaign'),
          h('blockquote', { className: 'border-s-4 border-line bg-surface p-4' }, text('shareText')),
          Array.isArray(links) && links.length ? h('p', null, `Short link: ${String(links[0])}`) : null,
          text('hashtag') ? h('p', null, `Hashtag: ${text('hashtag')}`) : null,
        ),
      );
    },
  });
}
