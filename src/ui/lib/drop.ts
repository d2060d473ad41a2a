// Drag and drop of files on an element, as an attachment ({@attach dropFiles(...)}): the drop
// zone stays a plain element (the file input beside it is the keyboard way in).

import type { Attachment } from 'svelte/attachments';

const carriesFiles = (event: DragEvent) => {
  const types = event.dataTransfer?.types;
  return types === undefined || Array.from(types).includes('Files');
};

export function dropFiles(onFiles: (files: File[]) => void, onDragging: (dragging: boolean) => void = () => {}): Attachment<HTMLElement> {
  return (node) => {
    // dragenter/dragleave fire for every child crossed: count them.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      onDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) onDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      onDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) onFiles(files);
    };
    node.addEventListener('dragenter', enter);
    node.addEventListener('dragover', over);
    node.addEventListener('dragleave', leave);
    node.addEventListener('drop', drop);
    return () => {
      node.removeEventListener('dragenter', enter);
      node.removeEventListener('dragover', over);
      node.removeEventListener('dragleave', leave);
      node.removeEventListener('drop', drop);
    };
  };
}

/** A file dropped next to the zone must not make the browser open it (and leave the page). */
export function preventStrayDrop(event: DragEvent): void {
  if (carriesFiles(event)) event.preventDefault();
}
