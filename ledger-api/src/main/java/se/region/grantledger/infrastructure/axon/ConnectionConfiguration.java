package se.region.grantledger.infrastructure.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * The connections Axon's event store and token store use, as Axon's own configuration makes them, with one
 * difference: inside a Spring transaction, Spring alone rolls back. Axon already leaves the commit of such a
 * connection to Spring, but on a refused command it called {@code rollback()} on it directly, which ends the whole
 * transaction the command ran in, savepoints included. Nothing changes for a request (the command's own transaction
 * is rolled back by Spring just the same); an import's dry run, which runs many commands in one transaction that is
 * never committed, can now go on past a refused row from the row's savepoint (ADR 0018).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        SpringDataSourceConnectionProvider spring = new SpringDataSourceConnectionProvider(dataSource);
        return new UnitOfWorkAwareConnectionProviderWrapper(() -> rollbackLeftToSpring(spring.getConnection()));
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
