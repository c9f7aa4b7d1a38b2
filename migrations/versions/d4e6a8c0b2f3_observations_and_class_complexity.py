"""observations and class complexity

Revision ID: d4e6a8c0b2f3
Revises: b2c4e6a8d0f1
Create Date: 2026-11-24 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4e6a8c0b2f3'
down_revision = 'b2c4e6a8d0f1'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        # "observation" does not fit the old eight characters.
        batch_op.alter_column('kind', existing_type=sa.String(length=8), type_=sa.String(length=16),
                              existing_nullable=False)
        batch_op.add_column(sa.Column('class_complexity', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('observed_on', sa.Date(), nullable=True))


def downgrade():
    op.execute(
        "DELETE FROM assessed_areas WHERE assessment_id IN "
        "(SELECT id FROM assessments WHERE kind = 'observation')"
    )
    op.execute("DELETE FROM assessments WHERE kind = 'observation'")
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_column('observed_on')
        batch_op.drop_column('class_complexity')
        batch_op.alter_column('kind', existing_type=sa.String(length=16), type_=sa.String(length=8),
                              existing_nullable=False)
