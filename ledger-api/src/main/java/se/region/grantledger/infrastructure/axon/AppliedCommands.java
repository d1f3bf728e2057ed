package se.region.grantledger.infrastructure.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exactly once for keyed commands: a command that carries a key (RequestIdentity) records it in the same
 * transaction as its events. If the key is already there, the command took effect before (a retry of a request
 * whose answer was lost in a crash) and it is not handled again. Runs inside the command bus's transaction.
 */
@Component
public class AppliedCommands implements InitializingBean {

    public static final String METADATA_KEY = "commandKey";
    private static final Logger log = LoggerFactory.getLogger(AppliedCommands.class);

    private final JdbcTemplate jdbc;
    private final CommandBus commandBus;

    public AppliedCommands(JdbcTemplate jdbc, CommandBus commandBus) {
        this.jdbc = jdbc;
        this.commandBus = commandBus;
    }

    /**
     * Registered here, once; the class is deliberately not itself a MessageHandlerInterceptor bean, which Axon's
     * auto-configuration would register a second time (and the second would find the first's record).
     */
    @Override
    public void afterPropertiesSet() {
        MessageHandlerInterceptor<CommandMessage<?>> onceOnly = this::handle;
        commandBus.registerHandlerInterceptor(onceOnly);
    }

    private Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object key = unitOfWork.getMessage().getMetaData().get(METADATA_KEY);
        if (key == null) {
            return chain.proceed();
        }
        int recorded = jdbc.update("INSERT INTO applied_command (command_key) VALUES (?) ON CONFLICT DO NOTHING",
                key.toString());
        if (recorded == 0) {
            log.info("Command {} with key {} took effect before; not applied again",
                    unitOfWork.getMessage().getCommandName(), key);
            return null;
        }
        return chain.proceed();
    }
}
