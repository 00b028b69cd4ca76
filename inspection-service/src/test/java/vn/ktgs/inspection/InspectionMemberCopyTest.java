package vn.ktgs.inspection;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.kit.membercopy.MemberCopyContractTest;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "inspection"))
class InspectionMemberCopyTest extends MemberCopyContractTest {
    @Override
    protected String membersPath() {
        return "/api/v1/inspections/members";
    }
}
