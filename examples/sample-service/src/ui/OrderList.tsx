import * as React from 'react';

export function OrderList(props: { ids: string[] }): JSX.Element {
  return (
    <ul className="orders">
      {/* TODO(@lee): virtualise this list; it renders 10k rows ABC-9 */}
      {props.ids.map((id) => (
        <li key={id} title="TODO: not a marker, an attribute string">
          TODO: not a marker either, this is JSX text
        </li>
      ))}
    </ul>
  );
}
