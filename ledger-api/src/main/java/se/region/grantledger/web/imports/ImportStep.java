package se.region.grantledger.web.imports;

import se.region.grantledger.web.imports.ImportSheets.ImportRow;

/**
 * One row of an import as the ordinary commands it becomes. {@code key} is the row's natural key
 * ({@code project:RV190046}, {@code payment:RV190046:UB-2019-118}): a row is imported once, by whichever import.
 */
record ImportStep(String key, ImportRow row, String what, Action action) {

    /** The commands of the row; returns the id of what it created (a case, a requisition, a payment), if any. */
    interface Action {
        String run(ImportCommands commands);
    }

    /** What a row's commands may use: the two persons of the import, and the ids earlier rows created. */
    interface ImportCommands {

        /** Sent as the person who uploaded: registers, prepares, submits, attests. */
        void asUploader(Object command);

        /** Sent as the person who confirmed: decides, approves, allocates, proposes payments. */
        void asConfirmer(Object command);

        /** The id an earlier row made under this key, in this import or an earlier one; null if none. */
        String idOf(String key);

        String newId();
    }
}
