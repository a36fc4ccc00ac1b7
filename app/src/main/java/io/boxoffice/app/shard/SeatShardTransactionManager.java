package io.boxoffice.app.shard;

import io.boxoffice.command.refusal.DatabaseFailures;
import io.boxoffice.command.shard.SeatShard;
import io.boxoffice.command.shard.SeatShards;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;

/**
 * The command bus's transactions: a command runs in one transaction on the shard that decides it
 * ({@link SeatShards#forCommand}), so that a reservation and its seats, and the lookup of the reservations placed
 * there, commit together on one PostgreSQL instance, exactly as on one database. A shard that cannot be reached is
 * refused without trying for a moment, so requests for its buckets do not queue on it.
 */
public class SeatShardTransactionManager implements TransactionManager {

    private static final String SHARD = SeatShardTransactionManager.class.getName() + ".shard";

    private final SeatShards shards;

    public SeatShardTransactionManager(SeatShards shards) {
        this.shards = shards;
    }

    @Override
    public Transaction startTransaction() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?>)) {
            return shards.primary().transactions().startTransaction();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        SeatShard shard = shards.available(shards.forCommand(unitOfWork.getMessage().getPayload()));
        try {
            Transaction transaction = shard.transactions().startTransaction();
            unitOfWork.resources().put(SHARD, shard);
            return transaction;
        } catch (RuntimeException e) {
            if (DatabaseFailures.causedByUnreachableDatabase(e)) {
                shards.unreachable(shard);
            }
            throw e;
        }
    }

    /** The shard the command of the current unit of work is decided on, if it is a command's. */
    static Optional<SeatShard> shardOfCurrentCommand() {
        return CurrentUnitOfWork.isStarted()
                ? Optional.ofNullable((SeatShard) CurrentUnitOfWork.get().resources().get(SHARD)) : Optional.empty();
    }
}
