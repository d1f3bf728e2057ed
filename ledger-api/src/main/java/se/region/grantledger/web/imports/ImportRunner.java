package se.region.grantledger.web.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.Role;
import se.region.grantledger.infrastructure.axon.VerifiedAggregateCache;
import se.region.grantledger.web.imports.ImportOutcome.Refusal;
import se.region.grantledger.web.imports.ImportOutcome.Result;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs an import's rows as the ordinary commands (docs/import.md, ADR 0018). Each row runs in a savepoint, together
 * with the mark that it was imported, so a row is recorded whole or not at all and exactly once; rows are committed
 * a batch at a time, and after a crash the run goes on from the first row not marked. A dry run does the same inside
 * one transaction that is rolled back, so it meets every rule as the real run would and stores nothing.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    /** The dry run's stand-in for the person who will confirm: a name no user has, so four-eyes checks still bite. */
    static final String CONFIRMER_TO_COME = "(the confirming person)";
    /**
     * Rows recorded in one transaction, each in a savepoint of it: one commit (one fsync) for so many rows rather
     * than for each, and still whole rows only, each with its mark. Progress is stored with each batch.
     */
    private static final int BATCH = 50;
    private static final int LOG_EVERY = 1000;
    private static final int RETRIES = 3;

    private final CommandGateway commands;
    private final ImportStore store;
    private final ImportPlan plan;
    private final ObjectMapper json;
    private final TransactionTemplate rowTransactions;
    private final TransactionTemplate dryRunTransaction;
    private final TransactionTemplate outcomeWrites;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final VerifiedAggregateCache aggregates;

    ImportRunner(CommandBus commandBus, ImportStore store, ObjectMapper json, Validator validator,
                 PlatformTransactionManager transactions, DataSource dataSource, VerifiedAggregateCache aggregates) {
        // No retry scheduler: a retry would run in another thread, outside the row's transaction.
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.store = store;
        this.plan = new ImportPlan(json, validator);
        this.json = json;
        this.rowTransactions = new TransactionTemplate(transactions);
        this.dryRunTransaction = new TransactionTemplate(transactions);
        this.outcomeWrites = new TransactionTemplate(transactions);
        this.outcomeWrites.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.aggregates = aggregates;
    }

    /** Where a row's commands run: a transaction of its own, or a savepoint of the dry run's transaction. */
    private interface RowScope {
        <T> T run(Supplier<T> row);
    }

    /**
     * A savepoint on the transaction's connection, rolled back to when the row is refused so that the rows after it
     * run on as if it had not been tried (JDBC's own savepoints: the JPA transaction manager offers none).
     */
    private RowScope savepoint() {
        return new RowScope() {
            @Override
            public <T> T run(Supplier<T> row) {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                Savepoint savepoint = savepointOn(connection);
                try (VerifiedAggregateCache.Writes writes = aggregates.recordWrites()) {
                    try {
                        return row.get();
                    } catch (RuntimeException refused) {
                        writes.forget();
                        try {
                            connection.rollback(savepoint);
                        } catch (SQLException e) {
                            refused.addSuppressed(e);
                        }
                        throw refused;
                    }
                }
            }
        };
    }

    private RowScope ownTransaction() {
        return new RowScope() {
            @Override
            public <T> T run(Supplier<T> row) {
                return rowTransactions.execute(status -> row.get());
            }
        };
    }

    /** Who the import acts for: the uploader prepares, submits and attests; the confirming person decides. */
    record People(String uploader, String confirmer) {
    }

    /** What an import is, for the metadata of every event it records. */
    record Provenance(String importId, String fileName) {
    }

    /** A staged row as the commands it becomes; a decision finds its plan lines among the staged rows. */
    private ImportStep step(String importId, ImportRow row) {
        return plan.step(row, decision -> store.planLines(importId, RowKeys.decision(decision)));
    }

    /**
     * Every staged row as the confirmed run would take it, stored nowhere: one transaction, rolled back, read a page
     * at a time. The outcomes are written beside it, a page at a time, in transactions of their own.
     */
    void dryRun(Provenance provenance, String uploader) {
        People people = new People(uploader, CONFIRMER_TO_COME);
        outcomeWrites.executeWithoutResult(starts -> store.dryRunStarts(provenance.importId()));
        // Every aggregate the dry run saved is cached with events that its rollback takes back.
        try (VerifiedAggregateCache.Writes writes = aggregates.recordWrites()) {
            try {
                dryRunTransaction.executeWithoutResult(status -> dryRunPages(status, provenance, people));
            } finally {
                writes.forget();
            }
        }
        store.validated(provenance.importId());
    }

    private void dryRunPages(TransactionStatus status, Provenance provenance, People people) {
        Counts counts = new Counts();
        status.setRollbackOnly();
        // Its events take numbers no tracking processor reads (V2026_11_29_04), so the rollback leaves no gap.
        jdbc.execute("SET LOCAL ledger.dry_run = 'on'");
        int after = 0;
        for (List<ImportStore.Staged> page = store.steps(provenance.importId(), after, BATCH); !page.isEmpty();
             page = store.steps(provenance.importId(), after, BATCH)) {
            List<Map.Entry<Integer, ImportOutcome>> outcomes = dryRunPage(page, provenance, people);
            counts.add(outcomes.stream().map(Map.Entry::getValue).toList());
            ImportStore.DryRunCounts ofPage = new ImportStore.DryRunCounts(counts.imported, counts.skipped,
                    counts.refused);
            counts.clear();
            outcomeWrites.executeWithoutResult(written -> {
                store.dryRunOutcomes(provenance.importId(), outcomes);
                store.dryRunCounted(provenance.importId(), ofPage);
            });
            after = page.get(page.size() - 1).step();
        }
    }

    /**
     * A page of the dry run in one savepoint rather than one a row: a transaction of many thousand savepoints grew
     * slower with each (PostgreSQL keeps 64 subtransactions to a backend in its fast cache), and 10 000 projects took
     * 220 s. A row that fails rolls the page back, and the page runs again from its start without that row, whose
     * outcome is kept. Rows run again give the outcome they gave the first time.
     */
    private List<Map.Entry<Integer, ImportOutcome>> dryRunPage(List<ImportStore.Staged> page, Provenance provenance,
                                                               People people) {
        Map<Integer, ImportOutcome> failed = new HashMap<>();
        while (true) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint = savepointOn(connection);
            List<Map.Entry<Integer, ImportOutcome>> outcomes = new ArrayList<>();
            boolean whole = true;
            try (VerifiedAggregateCache.Writes writes = aggregates.recordWrites()) {
                for (ImportStore.Staged staged : page) {
                    ImportOutcome outcome = failed.get(staged.step());
                    if (outcome == null) {
                        Unguarded scope = new Unguarded();
                        outcome = attempt(step(provenance.importId(), staged.row()), provenance, people, scope);
                        if (scope.failed) {
                            failed.put(staged.step(), outcome);
                            writes.forget();
                            rollBack(connection, savepoint);
                            whole = false;
                            break;
                        }
                    }
                    outcomes.add(Map.entry(staged.step(), outcome));
                }
            }
            if (whole) {
                return outcomes;
            }
        }
    }

    /** A row run straight in the page's savepoint; whether it failed (and left the transaction to roll back). */
    private static final class Unguarded implements RowScope {
        boolean failed;

        @Override
        public <T> T run(Supplier<T> row) {
            try {
                return row.get();
            } catch (RuntimeException refused) {
                failed = true;
                throw refused;
            }
        }
    }

    private static Savepoint savepointOn(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("the import could not set a savepoint", e);
        }
    }

    private static void rollBack(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("the import could not roll back to its savepoint", e);
        }
    }

    /** The confirmed run, from the first row not yet imported to the last; refusals are kept and the run goes on. */
    void run(String importId) {
        ImportStore.Batch batch = store.find(importId).orElseThrow();
        Provenance provenance = new Provenance(importId, batch.fileName());
        People people = new People(batch.uploadedBy(), batch.confirmedBy());
        Instant started = Instant.now();
        store.started(importId, started);
        log.info("Import {} ({}): {} rows, confirmed by {}", importId, batch.fileName(), batch.rowsTotal(),
                people.confirmer());
        Counts counts = new Counts();
        int done = 0;
        for (List<ImportStore.Staged> page = store.steps(importId, 0, BATCH); !page.isEmpty();
             page = store.steps(importId, done, BATCH)) {
            List<ImportStore.Staged> rows = page;
            try (VerifiedAggregateCache.Writes writes = aggregates.recordWrites()) {
                runBatch(importId, rows, provenance, people, counts, writes);
            }
            counts.clear();
            int before = done;
            done = page.get(page.size() - 1).step();
            if (done / LOG_EVERY > before / LOG_EVERY || done == batch.rowsTotal()) {
                double seconds = Math.max(Duration.between(started, Instant.now()).toMillis(), 1) / 1000.0;
                log.info("Import {}: {} of {} rows ({} rows/s)", importId, done, batch.rowsTotal(),
                        Math.round(done / seconds));
            }
        }
        store.finished(importId, Instant.now());
        log.info("Import {} finished: {} rows in {} s", importId, batch.rowsTotal(),
                Duration.between(started, Instant.now()).toSeconds());
    }

    /** One batch of rows, committed together; if its commit fails, the aggregates it saved are not what is stored. */
    private void runBatch(String importId, List<ImportStore.Staged> rows, Provenance provenance, People people,
                          Counts counts, VerifiedAggregateCache.Writes writes) {
        try {
            rowTransactions.executeWithoutResult(status -> {
                List<ImportOutcome> outcomes = new ArrayList<>();
                for (ImportStore.Staged staged : rows) {
                    outcomes.add(attempt(step(importId, staged.row()), provenance, people, savepoint()));
                }
                for (ImportOutcome outcome : outcomes) {
                    if (outcome.result() == Result.REFUSED) {
                        store.refused(importId, outcome.sheet(), outcome.row(), toJson(outcome));
                    }
                }
                counts.add(outcomes);
                store.counted(importId, counts.imported, counts.skipped, counts.refused);
            });
        } catch (RuntimeException failed) {
            writes.forget();
            throw failed;
        }
    }

    private ImportOutcome attempt(ImportStep step, Provenance provenance, People people, RowScope scope) {
        ImportRow row = step.row();
        for (int attempt = 1; ; attempt++) {
            try {
                Result result = scope.run(() -> {
                    Optional<ImportStore.Imported> before = store.imported(step.key());
                    if (before.isPresent()) {
                        // This very row, recorded by this import before the service stopped, counts as its own; a
                        // second row of the same key in the file, or a row of an earlier import, changes nothing.
                        ImportStore.Imported earlier = before.get();
                        return earlier.importId().equals(provenance.importId()) && earlier.sheet().equals(row.sheet())
                                && earlier.rowNumber() == row.number() ? Result.CREATED : Result.ALREADY_IMPORTED;
                    }
                    String created = step.action().run(new RowCommands(provenance, people, row));
                    store.markImported(step.key(), provenance.importId(), row.sheet(), row.number(), created,
                            Instant.now());
                    return Result.CREATED;
                });
                return new ImportOutcome(row.sheet(), row.number(), step.key(), result, step.what(), null);
            } catch (DuplicateKeyException importedMeanwhile) {
                return new ImportOutcome(row.sheet(), row.number(), step.key(), Result.ALREADY_IMPORTED, step.what(),
                        null);
            } catch (ConcurrencyException lostARace) {
                if (attempt >= RETRIES) {
                    return refused(step, lostARace);
                }
            } catch (RuntimeException refusal) {
                if (Refusal.of(refusal).code().equals("unexpected")) {
                    log.warn("Import {}: {} failed unexpectedly", provenance.importId(), row.where(), refusal);
                }
                return refused(step, refusal);
            }
        }
    }

    /** Rows of a batch by what became of them, stored with the batch. */
    private static final class Counts {
        int imported;
        int skipped;
        int refused;

        void add(List<ImportOutcome> outcomes) {
            for (ImportOutcome outcome : outcomes) {
                switch (outcome.result()) {
                    case CREATED -> imported++;
                    case ALREADY_IMPORTED -> skipped++;
                    case REFUSED -> refused++;
                }
            }
        }

        void clear() {
            imported = skipped = refused = 0;
        }
    }

    private static ImportOutcome refused(ImportStep step, RuntimeException refusal) {
        return new ImportOutcome(step.row().sheet(), step.row().number(), step.key(), Result.REFUSED, step.what(),
                Refusal.of(refusal));
    }

    private String toJson(ImportOutcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The commands of one row, sent with who, on whose behalf, and from which import, sheet and row. */
    private final class RowCommands implements ImportStep.ImportCommands {

        private final Provenance provenance;
        private final People people;
        private final ImportRow row;

        RowCommands(Provenance provenance, People people, ImportRow row) {
            this.provenance = provenance;
            this.people = people;
            this.row = row;
        }

        @Override
        public void asUploader(Object command) {
            send(command, people.uploader());
        }

        @Override
        public void asConfirmer(Object command) {
            send(command, people.confirmer());
        }

        @Override
        public String idOf(String key) {
            return store.imported(key).map(ImportStore.Imported::createdId).orElse(null);
        }

        @Override
        public String newId() {
            return UUID.randomUUID().toString();
        }

        private void send(Object command, String user) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(Actor.USER, user);
            // The import records decisions and payments others took earlier, on the two persons' behalf: each acts
            // with the roles the step needs, and every event says it came from an import (ADR 0018).
            metadata.put(Actor.ROLES, List.of(Role.APPROVER.name(), Role.CASE_OFFICER.name(), Role.IMPORTER.name()));
            metadata.put(Actor.CORRELATION_ID, provenance.importId());
            metadata.put(Actor.REQUEST_ID, provenance.importId() + "/" + row.sheet() + "/" + row.number());
            metadata.put(Actor.IMPORT_ID, provenance.importId());
            metadata.put(Actor.IMPORT_FILE, provenance.fileName());
            metadata.put(Actor.IMPORT_SHEET, row.sheet());
            metadata.put(Actor.IMPORT_ROW, row.number());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        }
    }
}
