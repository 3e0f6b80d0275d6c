import { useApp } from '../../store';
import { AddStoriesDialog } from './AddStoriesDialog';
import { DeleteDossierDialog } from './DeleteDossierDialog';
import { DossierFormDialog } from './DossierFormDialog';
import { ExportDialog } from './ExportDialog';

/** Mounts whichever dossier dialog is open (the store says which, so any view can open one). */
export function DossierDialogs() {
  const dialog = useApp((s) => s.dossierDialog);
  const hasDossier = useApp((s) => s.dossier !== null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <DossierFormDialog mode="create" preset={dialog} />;
    case 'edit':
      return hasDossier ? <DossierFormDialog mode="edit" /> : null;
    case 'delete':
      return <DeleteDossierDialog />;
    case 'add':
      return hasDossier ? <AddStoriesDialog /> : null;
    case 'export':
      return hasDossier ? <ExportDialog /> : null;
  }
}
