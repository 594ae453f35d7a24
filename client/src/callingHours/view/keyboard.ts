// Moving through the grid from the keyboard: one tab stop for all the blocks (a roving
// tabindex), the arrow keys to the next block in the row or the nearest one in the row above or
// below, Home and End to the row's first and last; Enter and Space are the block's own click.

/** Which block has the focus, to give it back after the page is drawn again. */
export function focusKey(root: HTMLElement): string | undefined {
  const active = root.ownerDocument.activeElement as HTMLElement | null;
  return active?.classList.contains('block') ? keyOf(active) : undefined;
}

export function refocus(grid: HTMLElement, key: string | undefined): void {
  const blocks = allBlocks(grid);
  const again = key ? blocks.find((b) => keyOf(b) === key) : undefined;
  const current = again ?? blocks[0];
  if (current) current.tabIndex = 0;
  again?.focus();
}

export function enableGridKeys(grid: HTMLElement): void {
  grid.addEventListener('focusin', (event) => {
    const block = (event.target as HTMLElement).closest<HTMLElement>('.block');
    if (!block) return;
    for (const other of allBlocks(grid)) other.tabIndex = other === block ? 0 : -1;
  });
  grid.addEventListener('keydown', (event) => {
    const block = (event.target as HTMLElement).closest<HTMLElement>('.block');
    if (!block) return;
    const target = next(grid, block, event.key);
    if (!target) return;
    event.preventDefault();
    target.focus();
  });
}

function next(grid: HTMLElement, block: HTMLElement, key: string): HTMLElement | undefined {
  const rows = [...grid.querySelectorAll<HTMLElement>('.row')].map((row) =>
    [...row.querySelectorAll<HTMLElement>('.block')].sort((a, b) => start(a) - start(b)),
  );
  const r = rows.findIndex((row) => row.includes(block));
  const i = rows[r].indexOf(block);
  const nearest = (row: HTMLElement[]) =>
    row.reduce((best, b) => (Math.abs(start(b) - start(block)) < Math.abs(start(best) - start(block)) ? b : best));
  const rowFrom = (from: number, step: number) => {
    for (let k = from; k >= 0 && k < rows.length; k += step) if (rows[k].length) return rows[k];
    return undefined;
  };
  switch (key) {
    case 'ArrowRight':
      return rows[r][i + 1] ?? rowFrom(r + 1, 1)?.[0];
    case 'ArrowLeft':
      return rows[r][i - 1] ?? rowFrom(r - 1, -1)?.slice(-1)[0];
    case 'ArrowDown': {
      const below = rowFrom(r + 1, 1);
      return below && nearest(below);
    }
    case 'ArrowUp': {
      const above = rowFrom(r - 1, -1);
      return above && nearest(above);
    }
    case 'Home':
      return rows[r][0];
    case 'End':
      return rows[r][rows[r].length - 1];
    default:
      return undefined;
  }
}

function allBlocks(grid: HTMLElement): HTMLElement[] {
  return [...grid.querySelectorAll<HTMLElement>('.block')];
}

function keyOf(block: HTMLElement): string {
  return `${block.dataset.window}:${block.dataset.row}`;
}

function start(block: HTMLElement): number {
  return Number(block.dataset.start);
}
