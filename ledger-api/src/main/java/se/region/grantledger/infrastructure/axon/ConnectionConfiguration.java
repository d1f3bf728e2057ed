package se.region.grantledger.infrastructure.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Whoever opened a transaction ends it (ADR 0018). A request's command opens its own, so nothing changes for it.
 * An import runs many commands in one transaction, each row in a savepoint, and a refused row must only go back to
 * its savepoint. Two things stood in the way:
 * <ul>
 *     <li>Axon's connections: Axon leaves the commit of a connection in a Spring transaction to Spring, but on a
 *     refused command it called {@code rollback()} on it directly, ending the whole transaction, savepoints and all.
 *     Here, inside a Spring transaction, that call is left to Spring.</li>
 *     <li>Spring's default, that a command's transaction which only took part in a larger one marks the larger one
 *     rollback-only when it fails, so the batch could not commit its good rows. Here the larger transaction's owner
 *     decides, having rolled back to the row's savepoint.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        SpringDataSourceConnectionProvider spring = new SpringDataSourceConnectionProvider(dataSource);
        return new UnitOfWorkAwareConnectionProviderWrapper(() -> rollbackLeftToSpring(spring.getConnection()));
    }

    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> theOwnerDecides() {
        return transactions -> transactions.setGlobalRollbackOnParticipationFailure(false);
    }

    static Connection rollbackLeftToSpring(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("rollback") && (arguments == null || arguments.length == 0)
                            && TransactionSynchronizationManager.isActualTransactionActive()) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
