package vn.ktgs.inspection;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.kit.contract.OrgCopyContractTest;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "inspection"))
class InspectionOrgCopyTest extends OrgCopyContractTest {
    @Override
    protected String orgUnitsPath() {
        return "/api/v1/inspections/org-units";
    }
}
