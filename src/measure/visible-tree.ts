/**
 * The paths visible in the image so far, as the layers are stacked, indexed by their parent folder
 * so that deleting a folder costs what it holds, not what the whole image holds (a RUN that
 * deletes node_modules hides 100,000+ paths; scanning every visible path per whiteout was quadratic).
 */
export interface Visible {
  size: number;
  layer: number;
  kind: string;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export class VisibleTree {
  private readonly entries = new Map<string, Visible>();
  /**
   * Folder path ('' for the root) → the paths directly in it that have an entry or hold one below.
   * A layer tar need not list a file's folders, so folders are linked here whether listed or not.
   */
  private readonly children = new Map<string, Set<string>>();

  /** Every visible path with its entry. */
  all(): IterableIterator<[string, Visible]> {
    return this.entries.entries();
  }

  get(path: string): Visible | undefined {
    return this.entries.get(path);
  }

  set(path: string, entry: Visible): void {
    this.entries.set(path, entry);
    this.link(path);
  }

  delete(path: string): void {
    this.entries.delete(path);
    this.unlinkIfEmpty(path);
  }

  /**
   * Remove every visible path below `folder` (not the folder itself) and return them with their
   * entries: one walk over what the folder holds, its index dropped with it.
   */
  takeBelow(folder: string): [string, Visible][] {
    const taken: [string, Visible][] = [];
    const pending = [...(this.children.get(folder) ?? [])];
    while (pending.length > 0) {
      const path = pending.pop()!;
      const below = this.children.get(path);
      if (below) {
        for (const child of below) pending.push(child);
        this.children.delete(path);
      }
      const entry = this.entries.get(path);
      if (entry) {
        taken.push([path, entry]);
        this.entries.delete(path);
      }
    }
    this.children.delete(folder);
    this.unlinkIfEmpty(folder);
    return taken;
  }

  private link(path: string): void {
    for (let child = path; child !== '';) {
      const parent = parentOf(child);
      let siblings = this.children.get(parent);
      if (!siblings) this.children.set(parent, (siblings = new Set()));
      if (siblings.has(child)) return; // its folders are linked already
      siblings.add(child);
      child = parent;
    }
  }

  /** Drop a path that has no entry and nothing below it from its folder, and so on upwards. */
  private unlinkIfEmpty(path: string): void {
    for (let child = path; child !== '';) {
      if (this.entries.has(child) || (this.children.get(child)?.size ?? 0) > 0) return;
      this.children.delete(child);
      const parent = parentOf(child);
      const siblings = this.children.get(parent);
      siblings?.delete(child);
      child = parent;
    }
  }
}
