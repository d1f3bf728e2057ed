package se.region.grantledger.audit;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.infrastructure.audit.EventExport;
import se.region.grantledger.infrastructure.axon.AxonConfiguration;

import java.io.OutputStream;

/**
 * Runs the audit export in a JVM of its own (started by {@link ExportInASmallHeapIT} with a small heap) against a
 * database, into a stream that only counts and checks: prints "events bytes lastGlobalIndex" when done.
 */
public final class ExportMain {

    private ExportMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser("postgres");
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(AxonConfiguration.storageObjectMapper()).build();
        JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .schema(AxonConfiguration.schema())
                .build();
        CountingStream out = new CountingStream();
        long events = new EventExport(storage, new JdbcTemplate(dataSource)).write(null, null, out);
        System.out.println(events + " " + out.bytes + " " + out.lines);
    }

    /** Counts bytes and lines, and keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
