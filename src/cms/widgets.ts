// Editor widgets the kit adds to Decap CMS. THIS FILE RUNS IN THE BROWSER, inside /admin/cms.js.
// Decap exposes React's `h` (createElement) and `createClass` on window for exactly this.

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
        isLiteral ? null : h('p', { id: `${forID}-places`, style: { margin: '4px 0 0', fontSize: '13px' } }, 'Places, with a comma between each: Anytown, Riverbridge'),
      );
    },
  });
}
