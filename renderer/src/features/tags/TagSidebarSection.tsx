import { WhatSaidButton } from '../quotes/WhatSaid';
import { useMemo } from 'react';
import { localeOf } from '../../i18n';
import { useApp, useT } from '../../store';
import { EmptyNote } from '../../ui/EmptyNote';
import { ColorDot } from './TagChip';
import { hotkeyMap, visibleInTree } from './hotkeys';
import './tags.css';

/** The tag tree in the sidebar: counts, colour, indent by depth, collapsible parents; a click filters the list. */
export function TagSidebarSection() {
  const t = useT();
  const language = useApp((s) => s.language);
  const tags = useApp((s) => s.tags);
  const tagsState = useApp((s) => s.tagsState);
  const collapsed = useApp((s) => s.collapsedTagIds);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const toggleTagCollapsed = useApp((s) => s.toggleTagCollapsed);
  const openTagManager = useApp((s) => s.openTagManager);
  const loadTags = useApp((s) => s.loadTags);

  const hotkeys = useMemo(() => hotkeyMap(tags), [tags]);
  const shown = useMemo(() => visibleInTree(tags, collapsed), [tags, collapsed]);
  const currentTag = view.kind === 'tag' ? view.tagId : null;

  return (
    <section className="tag-section" aria-labelledby="sidebar-tags">
      <div className="sidebar-heading-row">
        <h2 className="sidebar-heading" id="sidebar-tags">
          {t.tags('tagsHeading')}
        </h2>
        <button type="button" className="link-button small" onClick={openTagManager}>
          {t.tags('manageTags')}
        </button>
      </div>
      {tagsState === 'error' && (
        <p className="sidebar-note" role="alert">
          {t.tags('tagsLoadFailed')}{' '}
          <button type="button" className="link-button" onClick={() => void loadTags()}>
            {t.library('retry')}
          </button>
        </p>
      )}
      {tagsState !== 'error' && tags.length === 0 && (
        <EmptyNote className="sidebar-note" pending={tagsState !== 'ready'}>
          {t.tags('noTagsYet')}
        </EmptyNote>
      )}
      {shown.length > 0 && (
        <ul className="tag-tree" aria-labelledby="sidebar-tags">
          {shown.map((tag) => {
            const hotkey = hotkeys.get(tag.id) ?? null;
            const isCollapsed = collapsed.has(tag.id);
            return (
              <li key={tag.id} className={`tag-tree-item depth-${Math.min(tag.depth, 5)}`}>
                {tag.childCount > 0 ? (
                  <button
                    type="button"
                    className="tag-twisty"
                    aria-expanded={!isCollapsed}
                    aria-label={isCollapsed ? t.tags('expandTag', { name: tag.name }) : t.tags('collapseTag', { name: tag.name })}
                    onClick={() => toggleTagCollapsed(tag.id)}
                  >
                    <span aria-hidden="true">{isCollapsed ? '▸' : '▾'}</span>
                  </button>
                ) : (
                  <span className="tag-twisty-space" aria-hidden="true" />
                )}
                <button
                  type="button"
                  className="view-button tag-button"
                  aria-current={currentTag === tag.id ? 'true' : undefined}
                  title={hotkey ? t.tags('hotkeyHint', { n: hotkey }) : undefined}
                  onClick={() => setView({ kind: 'tag', tagId: tag.id })}
                >
                  {/* Named by its content: what is seen is what is heard, with the count and key spelt out. */}
                  <ColorDot color={tag.color} />
                  <span className="view-label">{tag.name}</span>
                  <span className="visually-hidden">{(hotkey ? t.tags('tagCountHintKey', { count: tag.count, hotkey: hotkey }) : t.tags('tagCountHint', { count: tag.count }))}</span>
                  {hotkey && (
                    <kbd className="tag-hotkey" aria-hidden="true">
                      {hotkey}
                    </kbd>
                  )}
                  <span className="view-count" aria-hidden="true">
                    {tag.count.toLocaleString(localeOf(language))}
                  </span>
                </button>
                <WhatSaidButton name={tag.name} className="tag-what-said" />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
