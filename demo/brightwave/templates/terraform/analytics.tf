# Brightwave Analytics — the analytics corner, managed with Terraform (fictitious).

variable "report_log_retention_days" {
  type    = number
  default = 30
}

# Scratch space for the analytics batch. Written unencrypted here; the volume in the account was re-created
# encrypted by hand, so code and account disagree the other way round.
resource "aws_ebs_volume" "analytics_scratch" {
  availability_zone = "us-east-1b"
  size              = 500
  type              = "gp3"
  encrypted         = false

  tags = {
    Name = "bw-analytics-scratch"
  }
}

# The report builder's logs keep 30 days in code; in the account the retention was removed.
resource "aws_cloudwatch_log_group" "report_builder" {
  name              = "/aws/lambda/bw-report-builder"
  retention_in_days = var.report_log_retention_days
}

resource "aws_sqs_queue" "ingest" {
  name                    = "bw-ingest"
  sqs_managed_sse_enabled = true
}
