#include "stage.hpp"

namespace robson::workers {

void completeAsNoOp(StageContext& context, const store::ClaimedJob& job) {
    pqxx::work txn(context.db);
    store::completeJob(txn, job);
    txn.commit();
}

Stage stageFor(wire::JobKind kind) {
    switch (kind) {
        case wire::JobKind::Plan:
            return runPlanStage;
        case wire::JobKind::Validate:
            return runValidateStage;
        case wire::JobKind::Execute:
            return runExecuteStage;
        case wire::JobKind::Scan:
            return runScanStage;
    }
    return nullptr;
}

}  // namespace robson::workers
